using Dispatch.Engine;

namespace Dispatch.Bench;

/// <summary>
/// The desktop benchmarks run on: a private virtual desktop (1920×1080, openbox, accessibility bus), so
/// figures do not depend on what the developer has open. Started once per process, stopped at exit.
/// </summary>
internal static class BenchDesktop
{
    private static readonly Lazy<VirtualDesktop> s_virtual = new(() =>
    {
        var desktop = VirtualDesktop.StartAsync(new VirtualDesktopOptions { IsolateHome = true }).GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => desktop.Dispose();
        return desktop;
    });

    public static VirtualDesktop Virtual => s_virtual.Value;

    /// <summary>Starts gnome-calculator, waits until it is on the accessibility bus and drawn, and returns its process id.</summary>
    public static async Task<int> StartCalculatorAsync(Desktop desktop)
    {
        var calculator = await desktop.Windows.LaunchAsync(Virtual.CreateStartInfo("gnome-calculator"), TimeSpan.FromSeconds(30),
            w => w.ClassName.Contains("calculator", StringComparison.OrdinalIgnoreCase));
        desktop.Windows.Activate(calculator.Window.Id);
        await desktop.Accessibility.WaitForAsync(Engine.Accessibility.UiScope.Process(calculator.Process.Id), TimeSpan.FromSeconds(30));
        await desktop.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));
        return calculator.Process.Id;
    }

    /// <summary>Starts xterm showing some text at a fixed place, focused, and waits for it to settle.</summary>
    public static async Task<Engine.Windowing.LaunchedApp> StartTerminalAsync(Desktop desktop, string geometry)
    {
        var info = Virtual.CreateStartInfo("xterm", "-geometry", geometry, "-e", "sh", "-c", "ls -la /usr/bin | head -40; exec cat");
        var app = await desktop.Windows.LaunchAsync(info, TimeSpan.FromSeconds(20));
        desktop.Windows.Activate(app.Window.Id);
        await desktop.Windows.WaitForWindowAsync(w => w.Id == app.Window.Id && w.IsActive, TimeSpan.FromSeconds(10));
        await desktop.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));
        return app;
    }
}
