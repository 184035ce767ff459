using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Platform.X11;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// A private desktop for servers, CI and tests: Xvfb on a free display (it picks one and tells us through
/// <c>-displayfd</c>), a private D-Bus session with the AT-SPI accessibility bus switched on (<c>org.a11y.Status.IsEnabled</c>),
/// and a light window manager.
/// Disposing stops exactly the processes it started (and their children) and removes its temporary folder. Each part runs
/// in a process group of its own under a <see cref="ProcessSupervisor"/>, so the same happens when the process that started
/// them is killed (SIGKILL included), and the X server's socket and lock go with it.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class VirtualDesktop : IDisposable
{
    private readonly List<ChildProcess> _processes;
    private readonly ProcessSupervisor _supervisor;
    private readonly string _stateDirectory;

    private VirtualDesktop(string displayName, Size size, IDictionary<string, string?> environment, List<ChildProcess> processes,
        ProcessSupervisor supervisor, string stateDirectory)
    {
        DisplayName = displayName;
        ScreenSize = size;
        Environment = new ReadOnlyDictionary<string, string?>(environment);
        _processes = processes;
        _supervisor = supervisor;
        _stateDirectory = stateDirectory;
    }

    /// <summary>The display, e.g. <c>:42</c>.</summary>
    public string DisplayName { get; }

    /// <summary>The screen size in pixels.</summary>
    public Size ScreenSize { get; }

    /// <summary>The variables programs need to run on this desktop (DISPLAY, DBUS_SESSION_BUS_ADDRESS, …).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>Process ids of everything this desktop started, in start order.</summary>
    public IReadOnlyList<int> ProcessIds => _processes.Select(p => p.Id).ToList();

    /// <summary>Starts Xvfb, the session and accessibility buses and the window manager, and waits until each is ready.</summary>
    /// <exception cref="DispatchException">A part is not installed or did not come up; the message says which and what it printed.</exception>
    public static async Task<VirtualDesktop> StartAsync(VirtualDesktopOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new VirtualDesktopOptions();
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("A virtual desktop needs Xvfb, which runs on Linux only.");
        }
        if (options.ScreenSize.Width is < 64 or > 16384 || options.ScreenSize.Height is < 64 or > 16384)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ScreenSize, "The virtual screen must be 64..16384 pixels wide and high.");
        }
        var state = Directory.CreateTempSubdirectory("dispatch-desktop-").FullName;
        File.SetUnixFileMode(state, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var processes = new List<ChildProcess>();
        ProcessSupervisor supervisor;
        try
        {
            supervisor = new ProcessSupervisor();
            supervisor.RemoveAfterwards(state);
        }
        catch
        {
            Directory.Delete(state, recursive: true);
            throw;
        }
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["XDG_RUNTIME_DIR"] = state,
            // What programs on this desktop put in temporary files goes with it, also when one is killed before it cleans up.
            ["TMPDIR"] = Directory.CreateDirectory(Path.Combine(state, "tmp")).FullName,
            ["GDK_BACKEND"] = "x11",
            ["NO_AT_BRIDGE"] = null,
        };
        if (options.IsolateHome)
        {
            foreach (var (variable, folder) in new[] { ("HOME", "home"), ("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state") })
            {
                environment[variable] = Directory.CreateDirectory(Path.Combine(state, folder)).FullName;
            }
            environment["GSETTINGS_BACKEND"] = "memory";
        }
        try
        {
            var xvfb = Start("Xvfb", ["-displayfd", "1", "-screen", "0", $"{options.ScreenSize.Width}x{options.ScreenSize.Height}x24",
                "-nolisten", "tcp", "-noreset", "+extension", "RANDR", "+extension", "DAMAGE", "+extension", "XTEST"], "xvfb");
            var number = await xvfb.ReadLineAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
            if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw new DispatchException($"Xvfb announced display '{number}'; expected a number. {xvfb.ErrorTail()}");
            }
            supervisor.AdoptServer(xvfb.Id, int.Parse(number, CultureInfo.InvariantCulture));
            var display = ":" + number;
            environment["DISPLAY"] = display;
            // One connection watches the root window for every part that announces itself there.
            using var root = new X11WindowManager(display, TimeProvider.System);

            if (options.Accessibility)
            {
                var bus = Start("dbus-daemon", ["--session", "--nofork", "--nopidfile", "--print-address=1"], "dbus-daemon");
                environment["DBUS_SESSION_BUS_ADDRESS"] = await bus.ReadLineAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
                // The AT-SPI bus would also be started on demand by D-Bus activation; starting it now spares the first app the wait.
                // Its GSettings in memory: turning accessibility on below must not write GNOME's setting into the person's own dconf.
                var launcher = Start("/usr/libexec/at-spi-bus-launcher", ["--launch-immediately"], "at-spi2-core",
                    new Dictionary<string, string?>(environment) { ["GSETTINGS_BACKEND"] = "memory" });
                await root.WaitForRootPropertyAsync("AT_SPI_BUS", options.StartTimeout, () =>
                {
                    if (launcher.HasExited)
                    {
                        throw new DispatchException($"at-spi-bus-launcher exited while starting. {launcher.ErrorTail()}");
                    }
                }, cancellationToken).ConfigureAwait(false);
                // Qt, Gecko and Chromium expose nothing on a bus nobody said was in use: say it, as a screen reader would.
                await AccessibilityBusSwitch.TurnOnAsync(environment["DBUS_SESSION_BUS_ADDRESS"]!, options.StartTimeout, cancellationToken).ConfigureAwait(false);
            }
            if (options.WindowManager is { } windowManager)
            {
                var manager = Start(windowManager, windowManager == "openbox" ? ["--sm-disable"] : [], windowManager);
                await root.WaitForWindowManagerAsync(options.StartTimeout, () =>
                {
                    if (manager.HasExited)
                    {
                        throw new DispatchException($"The window manager '{windowManager}' exited while starting. {manager.ErrorTail()}");
                    }
                }, cancellationToken).ConfigureAwait(false);
            }
            return new VirtualDesktop(display, options.ScreenSize, environment, processes, supervisor, state);
        }
        catch
        {
            Stop(processes, supervisor, state);
            throw;
        }

        ChildProcess Start(string program, string[] arguments, string package, IReadOnlyDictionary<string, string?>? own = null)
        {
            var child = ChildProcess.Start(program, arguments, own ?? environment, package, supervisor);
            processes.Add(child);
            return child;
        }
    }

    /// <summary>
    /// Start information for <paramref name="fileName"/> on this desktop, with <see cref="Environment"/> applied and what its
    /// toolkit needs to be accessible.
    /// </summary>
    public ProcessStartInfo CreateStartInfo(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in Environment)
        {
            info.Environment[key] = value;
        }
        ToolkitAccessibility.Apply(info);
        return info;
    }

    /// <summary>Connects to this desktop.</summary>
    public Desktop Open(DesktopOptions? options = null) => Desktop.Open((options ?? new DesktopOptions()) with { DisplayName = DisplayName });

    /// <summary>Stops every process this desktop started and what they started, and removes its temporary folder.</summary>
    public void Dispose() => Stop(_processes, _supervisor, _stateDirectory);

    private static void Stop(List<ChildProcess> processes, ProcessSupervisor supervisor, string stateDirectory)
    {
        // All groups at once with SIGTERM first, so Xvfb removes its own socket and lock; what is left is then killed.
        supervisor.Dispose();
        for (var i = processes.Count - 1; i >= 0; i--)
        {
            processes[i].Dispose();
        }
        processes.Clear();
        if (Directory.Exists(stateDirectory))
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
    }
}
