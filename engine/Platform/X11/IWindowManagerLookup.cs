using Dispatch.Engine.Windowing;

namespace Dispatch.Engine.Platform.X11;

/// <summary>The windows of a process, as the accessibility backend needs them to place window-relative extents.</summary>
internal interface IWindowManagerLookup
{
    IReadOnlyList<WindowInfo> WindowsOf(int processId);
}
