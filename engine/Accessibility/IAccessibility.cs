using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Accessibility;

/// <summary>
/// Reads and operates the accessibility tree apps expose (AT-SPI on Linux). Elements come as immutable
/// <see cref="UiNode"/> snapshots; acting on one finds the live element again by its <see cref="UiPath"/> and
/// refuses (stale) when it is no longer the same element. Every call is async and ends promptly when its token is
/// cancelled (<see cref="OperationCanceledException"/>); an application that does not answer costs only its own
/// timeout (a few seconds), never the whole desktop's.
/// </summary>
public interface IAccessibility : IDisposable
{
    /// <summary>
    /// Walks <paramref name="scope"/>, bounded by <paramref name="limits"/>; a walk cut short says so in
    /// <see cref="UiTree.IsPartial"/>, and why (a limit, elements that vanished, an application that did not answer).
    /// </summary>
    /// <exception cref="AccessibilityException">The scope names no application or window; the message lists those present.</exception>
    Task<UiTree> SnapshotAsync(UiScope scope, WalkLimits? limits = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Snapshots <paramref name="scope"/> as soon as it is on the accessibility bus: an app registers there a moment
    /// after its window appears. Looks again when the bus announces an application (and, since such events can be
    /// missed, a few times a second).
    /// </summary>
    /// <exception cref="AccessibilityException">The scope did not appear within <paramref name="timeout"/>.</exception>
    Task<UiTree> WaitForAsync(UiScope scope, TimeSpan timeout, WalkLimits? limits = null, CancellationToken cancellationToken = default);

    /// <summary>The deepest showing element at a screen point inside the given application, or null.</summary>
    Task<UiNode?> ElementAtAsync(Point point, int processId, CancellationToken cancellationToken = default);

    /// <summary>Performs an action (the first one when <paramref name="actionName"/> is null: click/press/activate).</summary>
    /// <exception cref="AccessibilityException">The element is stale or lacks the action; the message lists its actions.</exception>
    Task InvokeAsync(UiNode node, string? actionName = null, CancellationToken cancellationToken = default);

    /// <summary>Gives the element the keyboard focus.</summary>
    Task FocusAsync(UiNode node, CancellationToken cancellationToken = default);

    /// <summary>Reads the element's whole text (Text interface).</summary>
    Task<string> GetTextAsync(UiNode node, CancellationToken cancellationToken = default);

    /// <summary>Replaces the element's text (EditableText interface).</summary>
    Task SetTextAsync(UiNode node, string text, CancellationToken cancellationToken = default);

    /// <summary>Selects the element within its parent (Selection interface of the parent: list rows, tabs, menu items).</summary>
    Task SelectAsync(UiNode node, CancellationToken cancellationToken = default);
}
