namespace Dispatch.Agent.LocalApi;

/// <summary>A top-level window.</summary>
/// <param name="Id">The X window id.</param>
/// <param name="Title">Its title.</param>
/// <param name="ClassName">WM_CLASS class.</param>
/// <param name="InstanceName">WM_CLASS instance.</param>
/// <param name="ProcessId">Its process, when the window says.</param>
/// <param name="Bounds">Where it is.</param>
/// <param name="IsVisible">Mapped and viewable.</param>
/// <param name="IsActive">It has the focus.</param>
/// <param name="IsDialog">A dialog (transient, modal or of dialog type).</param>
/// <param name="IsPopup">A menu or popup (override-redirect).</param>
public sealed record WindowDto(ulong Id, string Title, string ClassName, string InstanceName, int? ProcessId, BoundsDto Bounds, bool IsVisible, bool IsActive,
    bool IsDialog, bool IsPopup)
{
    internal static WindowDto From(Engine.Windowing.WindowInfo window) =>
        new(window.Id, window.Title, window.ClassName, window.InstanceName, window.ProcessId, BoundsDto.From(window.Bounds), window.IsVisible, window.IsActive,
            window.IsDialog, window.IsPopup);

    /// <summary>One line, as <c>dispatch windows</c> prints it.</summary>
    public override string ToString() =>
        $"0x{Id:x} \"{Title}\" class={ClassName} pid={(ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?")} {Bounds}{(IsVisible ? "" : " hidden")}{(IsActive ? " active" : "")}";
}
