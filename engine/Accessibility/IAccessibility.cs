using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Accessibility;

/// <summary>
/// Reads and operates the accessibility tree apps expose (AT-SPI on Linux). Elements come as immutable
/// <see cref="UiNode"/> snapshots; acting on one finds the live element again by its <see cref="UiPath"/> and
/// refuses (stale) when it is no longer the same element.
/// </summary>
public interface IAccessibility : IDisposable
{
    /// <summary>Walks <paramref name="scope"/>, bounded by <paramref name="limits"/>; a walk cut short says so in <see cref="UiTree.IsPartial"/>.</summary>
    /// <exception cref="AccessibilityException">The scope names no application or window; the message lists those present.</exception>
    UiTree Snapshot(UiScope scope, WalkLimits? limits = null);

    /// <summary>
    /// Snapshots <paramref name="scope"/> as soon as it is on the accessibility bus: an app registers there a
    /// moment after its window appears. Re-checks every 50 ms, since registration shows nothing on screen.
    /// </summary>
    /// <exception cref="AccessibilityException">The scope did not appear within <paramref name="timeout"/>.</exception>
    Task<UiTree> WaitForAsync(UiScope scope, TimeSpan timeout, WalkLimits? limits = null, CancellationToken cancellationToken = default);

    /// <summary>The deepest showing element at a screen point inside the given application, or null.</summary>
    UiNode? ElementAt(Point point, int processId);

    /// <summary>Performs an action (the first one when <paramref name="actionName"/> is null: click/press/activate).</summary>
    /// <exception cref="AccessibilityException">The element is stale or lacks the action; the message lists its actions.</exception>
    void Invoke(UiNode node, string? actionName = null);

    /// <summary>Gives the element the keyboard focus.</summary>
    void Focus(UiNode node);

    /// <summary>Reads the element's whole text (Text interface).</summary>
    string GetText(UiNode node);

    /// <summary>Replaces the element's text (EditableText interface).</summary>
    void SetText(UiNode node, string text);

    /// <summary>Selects the element within its parent (Selection interface of the parent: list rows, tabs, menu items).</summary>
    void Select(UiNode node);
}
