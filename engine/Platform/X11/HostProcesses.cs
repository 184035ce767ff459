using System.Diagnostics;
using System.Runtime.Versioning;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// Programs that live no longer than this process: each runs in a process group of its own, and the whole group is stopped
/// (SIGTERM, then SIGKILL) when this process ends — by returning, on SIGTERM or SIGINT, or killed with SIGKILL. For what a
/// host starts on its desktop at a person's request, such as <c>dispatch run --launch</c>.
/// </summary>
[SupportedOSPlatform("linux")]
public static class HostProcesses
{
    /// <summary>Starts <paramref name="program"/> (arguments in <see cref="ProcessStartInfo.ArgumentList"/>) tied to this process's life.</summary>
    /// <returns>The started process; disposing it does not stop it.</returns>
    /// <exception cref="ArgumentException">The arguments are given as one string.</exception>
    /// <exception cref="DispatchException">The program, <c>setsid</c> or the watchdog did not start.</exception>
    public static Process Start(ProcessStartInfo program) => ProcessSupervisor.Host.Start(program);
}
