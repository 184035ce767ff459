using System.Diagnostics;
using Dispatch.Engine;
using Dispatch.Engine.Platform.X11;
using Dispatch.Engine.Windowing;

namespace Dispatch.Desktop.Tests;

/// <summary>
/// A private virtual desktop for one test class: Xvfb, buses, openbox, and the apps the tests launch, all
/// stopped by process id on dispose. Files go to a temporary folder of its own, never elsewhere.
/// </summary>
public sealed class TestDesktop : IDisposable
{
    private readonly List<Process> _apps = [];

    private TestDesktop(VirtualDesktop virtualDesktop, Engine.Desktop desktop, string workDirectory)
    {
        Virtual = virtualDesktop;
        Desktop = desktop;
        WorkDirectory = workDirectory;
    }

    public VirtualDesktop Virtual { get; }

    public Engine.Desktop Desktop { get; }

    public string WorkDirectory { get; }

    public static async Task<TestDesktop> StartAsync(VirtualDesktopOptions? options = null)
    {
        var virtualDesktop = await VirtualDesktop.StartAsync(options ?? new VirtualDesktopOptions { IsolateHome = true });
        try
        {
            var desktop = virtualDesktop.Open();
            return new TestDesktop(virtualDesktop, desktop, Directory.CreateTempSubdirectory("dispatch-test-").FullName);
        }
        catch
        {
            virtualDesktop.Dispose();
            throw;
        }
    }

    /// <summary>Start information for a program on this desktop, working in <see cref="WorkDirectory"/>.</summary>
    public ProcessStartInfo App(string fileName, params string[] arguments)
    {
        var info = Virtual.CreateStartInfo(fileName, arguments);
        info.WorkingDirectory = WorkDirectory;
        info.Environment["LC_ALL"] = "C.UTF-8";
        return info;
    }

    /// <summary>Launches a program and waits for its window; the program is killed when the desktop is disposed.</summary>
    public async Task<LaunchedApp> LaunchAsync(ProcessStartInfo program, Func<WindowInfo, bool>? match = null)
    {
        // Generous: on a fresh machine the first GTK app builds the font cache before it shows anything.
        var app = await Desktop.Windows.LaunchAsync(program, TimeSpan.FromSeconds(60), match);
        _apps.Add(app.Process);
        return app;
    }

    /// <summary>Runs a program to its end (e.g. xsetroot) and returns its exit status.</summary>
    public static async Task<int> RunAsync(ProcessStartInfo program)
    {
        using var process = Process.Start(program)!;
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        return process.ExitCode;
    }

    /// <summary>Waits until the whole screen has been still for 200 ms (apps finished drawing).</summary>
    public async Task SettleAsync()
    {
        var report = await Desktop.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));
        Assert.AreEqual(Engine.Capture.WaitOutcome.Stable, report.Outcome, $"The desktop did not settle: {report}");
    }

    public string PathOf(string fileName) => Path.Combine(WorkDirectory, fileName);

    public void Dispose()
    {
        foreach (var app in _apps)
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
                app.WaitForExit(5000);
            }
            app.Dispose();
        }
        Desktop.Dispose();
        Virtual.Dispose();
        Directory.Delete(WorkDirectory, recursive: true);
    }
}
