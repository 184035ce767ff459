using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

internal sealed unsafe partial class AtspiAccessibility
{
    /// <summary>One bounded depth-first read of a tree; remembers why it stopped early.</summary>
    private sealed class Walk(WalkLimits limits, TimeProvider time, IWindowManagerLookup windows)
    {
        private readonly long _start = time.GetTimestamp();
        private int _count;
        private int _vanished;
        private string? _stopReason;
        private bool _depthCut;

        public bool Stopped => _stopReason is not null;

        public UiTree Result(UiNode root)
        {
            var reasons = new List<string>();
            if (_stopReason is not null)
            {
                reasons.Add(_stopReason);
            }
            if (_depthCut)
            {
                reasons.Add($"elements deeper than {limits.MaxDepth} levels were not read");
            }
            if (_vanished > 0)
            {
                reasons.Add($"{_vanished} element(s) vanished during the walk");
            }
            return new UiTree(root, _count, reasons.Count > 0, reasons.Count > 0 ? string.Join("; ", reasons) : null, time.GetElapsedTime(_start));
        }

        public UiNode Read(GObjectHandle accessible, UiPath path, string application, int depth, bool isWindow, Point offset)
        {
            _count++;
            var node = ReadProperties(accessible, path, application);
            if (isWindow)
            {
                var placement = WindowPlacement(windows, node);
                node = node with { Bounds = placement.Bounds };
                offset = placement.Children;
            }
            else
            {
                node = Place(node, offset);
            }
            if (Stopped)
            {
                return node;
            }
            if (_count >= limits.MaxNodes)
            {
                _stopReason = $"stopped at the limit of {limits.MaxNodes} elements";
                return node;
            }
            if (time.GetElapsedTime(_start) > limits.Timeout)
            {
                _stopReason = $"stopped at the time limit of {limits.Timeout.TotalMilliseconds:0} ms";
                return node;
            }
            var childCount = ChildCount(accessible);
            if (childCount == 0)
            {
                return node;
            }
            if (depth >= limits.MaxDepth)
            {
                _depthCut = true;
                return node;
            }
            var children = new List<UiNode>(Math.Min(childCount, 256));
            for (var i = 0; i < childCount && !Stopped; i++)
            {
                using var child = Child(accessible, i);
                if (child is null)
                {
                    _vanished++;
                    continue;
                }
                if (limits.ShowingOnly && !IsShowing(child))
                {
                    continue;
                }
                // An application's children are its top-level windows.
                children.Add(Read(child, path.Child(i), application, depth + 1, isWindow: path.Depth == 0 && node.Role != "desktop frame", offset));
            }
            return node with { Children = children };
        }

        private static bool IsShowing(GObjectHandle accessible)
        {
            var states = States(accessible);
            // Applications report no states. GTK 4 reports Visible but never Showing below a window, so Visible decides.
            return states == UiStates.None || states.HasFlag(UiStates.Visible);
        }
    }

    /// <summary>
    /// Where a top-level window and its elements really are. Toolkits disagree with the screen on X11: GTK 4 reports
    /// extents relative to the window (it does not know where the window manager put it), so its elements are moved
    /// by the X window's position; GTK 3 reports its window as the window manager's frame (title bar included) but
    /// its elements correctly, so only the window's own bounds are replaced by the X window's.
    /// </summary>
    private static (Rect? Bounds, Point Children) WindowPlacement(IWindowManagerLookup windows, UiNode window)
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

    /// <summary>The correction for the elements of a window read on its own (hit testing).</summary>
    private static Point WindowOffset(IWindowManagerLookup windows, UiNode window) => WindowPlacement(windows, window).Children;

    private static UiNode Place(UiNode node, Point offset) =>
        offset == default || node.Bounds is not { } bounds ? node : node with { Bounds = bounds.Offset(offset.X, offset.Y) };

    private static UiNode ReadProperties(GObjectHandle accessible, UiPath path, string application)
    {
        LibGObject.GError* error = null;
        var role = LibGObject.TakeString(LibAtspi.atspi_accessible_get_role_name(accessible, &error)) ?? "";
        Ignore(ref error);
        var description = LibGObject.TakeString(LibAtspi.atspi_accessible_get_description(accessible, &error)) ?? "";
        Ignore(ref error);
        var name = Name(accessible);
        var states = States(accessible);
        // Every property is a D-Bus round trip, so read only what can matter: a label's text is its name, and
        // actions only matter on things a person can operate (a GTK label alone offers eight clipboard actions).
        var text = role == "label" && name.Length > 0 ? name : SnapshotText(accessible);
        var actions = states.HasFlag(UiStates.Focusable) || s_operableRoles.Contains(role) ? ActionNames(accessible) : [];
        return new UiNode(role, name, description, states, Extents(accessible), text, actions, path, application, []);
    }

    private static readonly HashSet<string> s_operableRoles = new(StringComparer.Ordinal)
    {
        "push button", "toggle button", "check box", "radio button", "menu item", "check menu item", "radio menu item", "menu",
        "link", "list item", "tree item", "table cell", "page tab", "combo box", "spin button", "slider", "icon",
    };

    /// <summary>A property an element cannot give (defunct, or not implemented by its toolkit) reads as empty.</summary>
    private static void Ignore(ref LibGObject.GError* error)
    {
        if (error != null)
        {
            LibGObject.g_error_free(error);
            error = null;
        }
    }

    private static UiStates States(GObjectHandle accessible)
    {
        using var set = GObjectHandle.Take(LibAtspi.atspi_accessible_get_state_set(accessible));
        if (set is null)
        {
            return UiStates.None;
        }
        var array = LibAtspi.atspi_state_set_get_states(set);
        if (array == null)
        {
            return UiStates.None;
        }
        var states = UiStates.None;
        var values = (int*)array->data;
        for (var i = 0; i < array->len; i++)
        {
            if (values[i] is > 0 and < 63)
            {
                states |= (UiStates)(1L << values[i]);
            }
        }
        LibGObject.g_array_free(array, 1);
        return states;
    }

    private static Rect? Extents(GObjectHandle accessible)
    {
        using var component = GObjectHandle.Take(LibAtspi.atspi_accessible_get_component_iface(accessible));
        if (component is null)
        {
            return null;
        }
        LibGObject.GError* error = null;
        var rect = LibAtspi.atspi_component_get_extents(component, LibAtspi.ATSPI_COORD_TYPE_SCREEN, &error);
        Ignore(ref error);
        if (rect == null)
        {
            return null;
        }
        var bounds = new Rect(rect->x, rect->y, rect->width, rect->height);
        LibGObject.g_free(rect);
        // Toolkits report (-1,-1,-1,-1) or 0×0 for elements that are not laid out.
        return bounds.Width > 0 && bounds.Height > 0 ? bounds : null;
    }

    private static string? SnapshotText(GObjectHandle accessible)
    {
        using var text = GObjectHandle.Take(LibAtspi.atspi_accessible_get_text_iface(accessible));
        return text is null ? null : ReadText(text, UiNode.MaxSnapshotText);
    }

    private static string? ReadText(GObjectHandle text, int maxCharacters)
    {
        LibGObject.GError* error = null;
        var count = LibAtspi.atspi_text_get_character_count(text, &error);
        if (error != null)
        {
            Ignore(ref error);
            return null;
        }
        var value = LibGObject.TakeString(LibAtspi.atspi_text_get_text(text, 0, Math.Min(count, maxCharacters), &error));
        Ignore(ref error);
        return value;
    }

    private static List<string> ActionNames(GObjectHandle accessible)
    {
        using var action = GObjectHandle.Take(LibAtspi.atspi_accessible_get_action_iface(accessible));
        if (action is null)
        {
            return [];
        }
        LibGObject.GError* error = null;
        var count = LibAtspi.atspi_action_get_n_actions(action, &error);
        Ignore(ref error);
        var names = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            names.Add(LibGObject.TakeString(LibAtspi.atspi_action_get_action_name(action, i, &error)) ?? "");
            Ignore(ref error);
        }
        return names;
    }
}
