using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

internal sealed unsafe partial class AtspiAccessibility
{
    public UiNode? ElementAt(Point point, int processId)
    {
        lock (s_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var desktop = GObjectHandle.Take(LibAtspi.atspi_get_desktop(0))!;
            var apps = Applications(desktop);
            try
            {
                foreach (var (app, pid, _) in apps)
                {
                    if (pid != processId)
                    {
                        continue;
                    }
                    var name = Name(app);
                    var windows = ChildCount(app);
                    for (var i = 0; i < windows; i++)
                    {
                        using var window = Child(app, i);
                        if (window is null || !States(window).HasFlag(UiStates.Visible))
                        {
                            continue;
                        }
                        var offset = WindowOffset(_windows, ReadProperties(window, new UiPath(pid, [i]), name));
                        var local = point.Offset(-offset.X, -offset.Y);
                        if (Extents(window) is { } bounds && bounds.Contains(local))
                        {
                            return Place(Deepest(window, new UiPath(pid, [i]), name, local), offset);
                        }
                    }
                }
                return null;
            }
            finally
            {
                foreach (var (app, _, _) in apps)
                {
                    app.Dispose();
                }
            }
        }
    }

    /// <summary>Descends to the deepest showing child containing the point (by extents, which is what the toolkit hit-tests on too).</summary>
    private static UiNode Deepest(GObjectHandle accessible, UiPath path, string application, Point point)
    {
        var count = ChildCount(accessible);
        for (var i = count - 1; i >= 0; i--)
        {
            using var child = Child(accessible, i);
            if (child is null || !States(child).HasFlag(UiStates.Visible) || Extents(child) is not { } bounds || !bounds.Contains(point))
            {
                continue;
            }
            return Deepest(child, path.Child(i), application, point);
        }
        return ReadProperties(accessible, path, application);
    }

    public void Invoke(UiNode node, string? actionName = null)
    {
        WithLive(node, live =>
        {
            using var action = GObjectHandle.Take(LibAtspi.atspi_accessible_get_action_iface(live))
                ?? throw new AccessibilityException($"{Describe(node)} offers no actions; expected a button, menu item or other actionable element.");
            var names = ActionNames(live);
            var index = actionName is null ? (names.Count > 0 ? 0 : -1) : names.FindIndex(n => string.Equals(n, actionName, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new AccessibilityException(
                    $"{Describe(node)} has no action '{actionName}'; it offers: {(names.Count == 0 ? "none" : string.Join(", ", names))}.");
            }
            LibGObject.GError* error = null;
            var done = LibAtspi.atspi_action_do_action(action, index, &error);
            Check(error, "atspi_action_do_action", Describe(node));
            if (done == 0)
            {
                throw new AccessibilityException($"{Describe(node)} refused action '{names[index]}'.");
            }
        });
    }

    public void Focus(UiNode node)
    {
        WithLive(node, live =>
        {
            using var component = GObjectHandle.Take(LibAtspi.atspi_accessible_get_component_iface(live))
                ?? throw new AccessibilityException($"{Describe(node)} cannot take focus: it has no Component interface.");
            LibGObject.GError* error = null;
            var done = LibAtspi.atspi_component_grab_focus(component, &error);
            Check(error, "atspi_component_grab_focus", Describe(node));
            if (done == 0)
            {
                throw new AccessibilityException($"{Describe(node)} refused the focus.");
            }
        });
    }

    public string GetText(UiNode node)
    {
        string? value = null;
        WithLive(node, live =>
        {
            using var text = GObjectHandle.Take(LibAtspi.atspi_accessible_get_text_iface(live))
                ?? throw new AccessibilityException($"{Describe(node)} has no text; expected a text field, label or document.");
            value = ReadText(text, int.MaxValue) ?? "";
        });
        return value!;
    }

    public void SetText(UiNode node, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WithLive(node, live =>
        {
            using var editable = GObjectHandle.Take(LibAtspi.atspi_accessible_get_editable_text_iface(live))
                ?? throw new AccessibilityException($"{Describe(node)} is not editable; expected an editable text field or document.");
            LibGObject.GError* error = null;
            var done = LibAtspi.atspi_editable_text_set_text_contents(editable, text, &error);
            Check(error, "atspi_editable_text_set_text_contents", Describe(node));
            if (done == 0)
            {
                throw new AccessibilityException($"{Describe(node)} refused the new text (it may be read-only).");
            }
        });
    }

    public void Select(UiNode node)
    {
        if (node.Path.Depth == 0)
        {
            throw new AccessibilityException($"{Describe(node)} is an application root; only elements inside a list, tab bar or menu can be selected.");
        }
        var parentPath = new UiPath(node.Path.ProcessId, node.Path.Indices.Take(node.Path.Depth - 1).ToArray());
        lock (s_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var live = Resolve(node);
            using var parent = ResolvePath(parentPath) ?? throw Stale(node, "its parent is gone");
            using var selection = GObjectHandle.Take(LibAtspi.atspi_accessible_get_selection_iface(parent))
                ?? throw new AccessibilityException($"The parent of {Describe(node)} supports no selection; expected a list, tab bar or menu.");
            LibGObject.GError* error = null;
            var done = LibAtspi.atspi_selection_select_child(selection, node.Path.Indices[^1], &error);
            Check(error, "atspi_selection_select_child", Describe(node));
            if (done == 0)
            {
                throw new AccessibilityException($"{Describe(node)} could not be selected.");
            }
        }
    }

    private void WithLive(UiNode node, Action<GObjectHandle> act)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (s_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var live = Resolve(node);
            act(live);
        }
    }

    /// <summary>Finds the live element of a snapshot node and checks it is still the same element (role and name).</summary>
    private static GObjectHandle Resolve(UiNode node)
    {
        var live = ResolvePath(node.Path) ?? throw Stale(node, "nothing is at its path any more");
        LibGObject.GError* error = null;
        var role = LibGObject.TakeString(LibAtspi.atspi_accessible_get_role_name(live, &error)) ?? "";
        Ignore(ref error);
        var name = Name(live);
        if (role != node.Role || name != node.Name)
        {
            live.Dispose();
            throw Stale(node, $"a {role} \"{name}\" is there now");
        }
        return live;
    }

    private static GObjectHandle? ResolvePath(UiPath path)
    {
        using var desktop = GObjectHandle.Take(LibAtspi.atspi_get_desktop(0))!;
        var apps = Applications(desktop);
        GObjectHandle? current = null;
        foreach (var (app, pid, _) in apps)
        {
            if (pid == path.ProcessId && current is null)
            {
                current = app;
            }
            else
            {
                app.Dispose();
            }
        }
        foreach (var index in path.Indices)
        {
            if (current is null)
            {
                return null;
            }
            var next = index < ChildCount(current) ? Child(current, index) : null;
            current.Dispose();
            current = next;
        }
        return current;
    }

    private static AccessibilityException Stale(UiNode node, string what) =>
        new($"The element {Describe(node)} is stale: {what}. Take a new snapshot and find it again.");
}
