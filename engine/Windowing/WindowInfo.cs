using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Windowing;

/// <summary>A top-level window as the window manager (or the X server) sees it.</summary>
/// <param name="Id">The window's id (an X window id on X11).</param>
/// <param name="Title">The title (<c>_NET_WM_NAME</c>, else <c>WM_NAME</c>); empty when it has none.</param>
/// <param name="ClassName">The application class (second part of <c>WM_CLASS</c>, e.g. <c>XTerm</c>); empty when unknown.</param>
/// <param name="InstanceName">The instance name (first part of <c>WM_CLASS</c>, e.g. <c>xterm</c>); empty when unknown.</param>
/// <param name="ProcessId">The owning process (<c>_NET_WM_PID</c>), when the app says.</param>
/// <param name="Bounds">The app's window in screen pixels (with its own X border, without the window manager's frame).</param>
/// <param name="IsVisible">True when the window is mapped and viewable.</param>
/// <param name="IsActive">True when it is the active (focused) window.</param>
public sealed record WindowInfo(ulong Id, string Title, string ClassName, string InstanceName, int? ProcessId, Rect Bounds, bool IsVisible, bool IsActive)
{
    /// <summary>True when the app marked it a dialog: a dialog window type, a modal state, or transient for another window.</summary>
    public bool IsDialog { get; init; }

    /// <summary>True for a popup that bypasses the window manager (a menu, a tooltip): a click there acts on it.</summary>
    public bool IsPopup { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"0x{Id:x} \"{Title}\" class={ClassName} pid={(ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?")} {Bounds}{(IsVisible ? "" : " hidden")}{(IsActive ? " active" : "")}";
}
