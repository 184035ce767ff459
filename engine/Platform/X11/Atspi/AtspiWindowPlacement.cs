using System.Runtime.Versioning;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Platform.X11.Atspi;

/// <summary>
/// Where a top-level window and its elements really are. Toolkits disagree with the screen on X11: GTK 4 reports
/// extents relative to the window (it does not know where the window manager put it), so its elements are moved
/// by the X window's position; GTK 3 reports its window as the window manager's frame (title bar included) but
/// its elements correctly, so only the window's own bounds are replaced by the X window's.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class AtspiWindowPlacement
{
    /// <summary>The window's screen bounds, and the offset to add to its elements' extents.</summary>
    public static (Rect? Bounds, Point Children) Of(IWindowManagerLookup windows, UiNode window)
    {
        if (window.Bounds is not { } extents)
        {
            return (null, default);
        }
        var candidates = windows.WindowsOf(window.Path.ProcessId).Where(w => w.IsVisible).ToList();
        var match = candidates.FirstOrDefault(w => w.Bounds == extents)
            ?? candidates.FirstOrDefault(w => w.Title == window.Name && w.Bounds.Size == extents.Size)
            ?? candidates.FirstOrDefault(w => w.Bounds.Size == extents.Size)
            ?? candidates.FirstOrDefault(w => w.Title == window.Name);
        if (match is null)
        {
            return (extents, default);
        }
        if (extents.Inflate(2).Contains(match.Bounds))
        {
            // GTK 3: the window's extents are its frame (title bar included); its elements are placed right.
            return (match.Bounds, default);
        }
        var offset = new Point(match.Bounds.X - extents.X, match.Bounds.Y - extents.Y);
        return (extents.Offset(offset.X, offset.Y), offset);
    }
}
