using Dispatch.Engine;
using Dispatch.Engine.Platform.X11;

namespace Dispatch.Bench;

/// <summary>
/// The desktop benchmarks run on: a private virtual desktop (1920×1080, openbox, accessibility bus), so
/// figures do not depend on what the developer has open. Started once per process, stopped at exit.
/// </summary>
internal static class BenchDesktop
{
    private static readonly List<System.Diagnostics.Process> s_apps = [];

    private static readonly Lazy<VirtualDesktop> s_virtual = new(() =>
    {
        var desktop = VirtualDesktop.StartAsync(new VirtualDesktopOptions { IsolateHome = true }).GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            // Apps write into the desktop's home until they die; stop them before it is removed.
            CloseApps();
            desktop.Dispose();
        };
        return desktop;
    });

    public static VirtualDesktop Virtual => s_virtual.Value;

    /// <summary>Starts a program on the benchmark desktop, waits for its window, and closes it with <see cref="CloseApps"/>.</summary>
    public static async Task<Engine.Windowing.LaunchedApp> LaunchAsync(Desktop desktop, System.Diagnostics.ProcessStartInfo program,
        Func<Engine.Windowing.WindowInfo, bool>? match = null)
    {
        var app = await desktop.Windows.LaunchAsync(program, TimeSpan.FromSeconds(30), match);
        lock (s_apps)
        {
            s_apps.Add(app.Process);
        }
        return app;
    }

    /// <summary>Kills every program the benchmarks started (each benchmark class closes its scene when it is done).</summary>
    public static void CloseApps()
    {
        lock (s_apps)
        {
            foreach (var app in s_apps)
            {
                if (!app.HasExited)
                {
                    app.Kill(entireProcessTree: true);
                    app.WaitForExit(5000);
                }
                app.Dispose();
            }
            s_apps.Clear();
        }
    }

    /// <summary>Starts gnome-calculator, waits until it is on the accessibility bus and drawn, and returns its process id.</summary>
    public static async Task<int> StartCalculatorAsync(Desktop desktop)
    {
        var calculator = await LaunchAsync(desktop, Virtual.CreateStartInfo("gnome-calculator"), w => w.ClassName.Contains("calculator", StringComparison.OrdinalIgnoreCase));
        desktop.Windows.Activate(calculator.Window.Id);
        await desktop.Accessibility.WaitForAsync(Engine.Accessibility.UiScope.Process(calculator.Process.Id), TimeSpan.FromSeconds(30));
        await desktop.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));
        return calculator.Process.Id;
    }

    /// <summary>Starts xterm showing some text at a fixed place, focused, and waits for it to settle.</summary>
    public static async Task<Engine.Windowing.LaunchedApp> StartTerminalAsync(Desktop desktop, string geometry)
    {
        var info = Virtual.CreateStartInfo("xterm", "-geometry", geometry, "-e", "sh", "-c", "ls -la /usr/bin | head -40; exec cat");
        var app = await LaunchAsync(desktop, info);
        desktop.Windows.Activate(app.Window.Id);
        await desktop.Windows.WaitForWindowAsync(w => w.Id == app.Window.Id && w.IsActive, TimeSpan.FromSeconds(10));
        await desktop.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));
        return app;
    }
}
