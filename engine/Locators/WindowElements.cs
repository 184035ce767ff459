using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Windowing;

namespace Dispatch.Engine.Locators;

/// <summary>Which accessible top-level element of an application is a given X window: what "that window's own elements" means.</summary>
public static class WindowElements
{
    /// <summary>
    /// The application's top-level accessible that is <paramref name="window"/>: same bounds and title, else same title,
    /// else the only one with its bounds (or the active one of several), else the smallest at <paramref name="point"/>;
    /// null when none can be told. <paramref name="tree"/> is a snapshot of the window's application.
    /// </summary>
    public static UiNode? Match(UiTree tree, WindowInfo window, Point? point)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(window);
        var tops = tree.Root.Children;
        // Two windows of one process may lie exactly on each other (two browser windows): the title tells them apart,
        // then which one is active; the window underneath must never speak for the one on top.
        var sameBounds = tops.Where(c => c.Bounds == window.Bounds).ToList();
        return sameBounds.FirstOrDefault(c => c.Name == window.Title && c.Name.Length > 0)
            ?? tops.FirstOrDefault(c => c.Name == window.Title && c.Name.Length > 0 && (point is not { } p || c.Bounds is { } b && b.Contains(p)))
            ?? (sameBounds.Count == 1 ? sameBounds[0] : sameBounds.FirstOrDefault(c => c.States.HasFlag(UiStates.Active)))
            ?? (sameBounds.Count > 1 ? null : point is { } at
                ? tops.Where(c => c.Bounds is { } b && b.Contains(at) && window.Bounds.Contains(at)).OrderBy(c => c.Bounds!.Value.Area).FirstOrDefault()
                : tops.FirstOrDefault(c => c.States.HasFlag(UiStates.Active)));
    }
}
