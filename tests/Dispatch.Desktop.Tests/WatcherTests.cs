using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;

namespace Dispatch.Desktop.Tests;

[TestClass]
public sealed class WatcherTests
{
    private static TestDesktop s_desktop = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_desktop = await TestDesktop.StartAsync();

    [ClassCleanup]
    public static void Stop() => s_desktop?.Dispose();

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Compare_WhenOneWindowChanges_ReportsThatWindowsAreaAndNothingElse()
    {
        var left = await s_desktop.LaunchAsync(s_desktop.App("xterm", "-geometry", "60x20+40+40", "-title", "left"));
        var right = await s_desktop.LaunchAsync(s_desktop.App("xterm", "-geometry", "60x20+900+300", "-title", "right"));
        s_desktop.Desktop.Windows.Activate(left.Window.Id);
        await s_desktop.Desktop.Windows.WaitForWindowAsync(w => w.Id == left.Window.Id && w.IsActive, TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        await s_desktop.SettleAsync();
        using var before = s_desktop.Desktop.Screen.Capture();

        await s_desktop.Desktop.Input.TypeAsync("echo hello from the left window", cancellationToken: TestContext.CancellationToken);
        var settled = await s_desktop.Desktop.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        using var after = s_desktop.Desktop.Screen.Capture();

        var difference = FrameDiff.Compare(before, after);
        var leftBounds = s_desktop.Desktop.Windows.Get(left.Window.Id)!.Bounds;
        Assert.IsTrue(difference.HasChanges, "typing changed nothing on screen");
        foreach (var changed in difference.Changed)
        {
            Assert.IsTrue(leftBounds.Contains(changed), $"change {changed} lies outside the typed-into window {leftBounds}");
        }
        Assert.IsTrue(settled.Changes.All(leftBounds.Contains), $"the watcher saw changes outside {leftBounds}: {settled}");
        Assert.IsFalse(s_desktop.Desktop.Windows.Get(right.Window.Id)!.Bounds.IntersectsWith(difference.Bounds));
    }

    [TestMethod]
    public async Task WaitForStableAsync_AfterAnAnimationStops_ReturnsStableOnlyOnceItHasStopped()
    {
        var marker = s_desktop.PathOf("animation-done");
        await s_desktop.LaunchAsync(s_desktop.App("xterm", "-geometry", "40x10+500+500", "-e", "sh", "-c",
            $"i=0; while [ $i -lt 25 ]; do echo tick $i; i=$((i+1)); sleep 0.08; done; touch '{marker}'; exec sleep 600"));

        var report = await s_desktop.Desktop.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(20), TestContext.CancellationToken);

        Assert.AreEqual(WaitOutcome.Stable, report.Outcome, report.ToString());
        Assert.IsTrue(File.Exists(marker), $"returned while the animation was still running: {report}");
        Assert.IsGreaterThanOrEqualTo(10, report.ChangeCount, $"the animation's frames were not seen: {report}");
        Assert.IsTrue(report.UsedDamage);
    }

    [TestMethod]
    public async Task WaitForStableAsync_WhileAnAnimationGoesOn_ReportsATimeout()
    {
        var app = await s_desktop.LaunchAsync(s_desktop.App("xterm", "-geometry", "40x10+100+600", "-e", "sh", "-c",
            "i=0; while true; do echo frame $i; i=$((i+1)); sleep 0.05; done"));
        var window = app.Window.Bounds;

        var report = await s_desktop.Desktop.Watcher.WaitForStableAsync(window, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(1.5), TestContext.CancellationToken);

        Assert.AreEqual(WaitOutcome.TimedOut, report.Outcome, report.ToString());
        Assert.IsGreaterThan(3, report.ChangeCount);
        app.Process.Kill();
    }

    [TestMethod]
    public async Task WaitForChangeAsync_WhenNothingChanges_TimesOutAndWhenTypingChangesTheRegion_ReportsIt()
    {
        var app = await s_desktop.LaunchAsync(s_desktop.App("xterm", "-geometry", "40x10+1300+100", "-title", "change"));
        s_desktop.Desktop.Windows.Activate(app.Window.Id);
        await s_desktop.Desktop.Windows.WaitForWindowAsync(w => w.Id == app.Window.Id && w.IsActive, TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        await s_desktop.SettleAsync();
        var region = s_desktop.Desktop.Windows.Get(app.Window.Id)!.Bounds;

        var idle = await s_desktop.Desktop.Watcher.WaitForChangeAsync(region, TimeSpan.FromMilliseconds(300), cancellationToken: TestContext.CancellationToken);
        Assert.AreEqual(WaitOutcome.TimedOut, idle.Outcome, idle.ToString());

        using var baseline = s_desktop.Desktop.Screen.Capture(region);
        await s_desktop.Desktop.Input.TypeAsync("x", cancellationToken: TestContext.CancellationToken);
        var changed = await s_desktop.Desktop.Watcher.WaitForChangeAsync(region, TimeSpan.FromSeconds(5), baseline, TestContext.CancellationToken);
        Assert.AreEqual(WaitOutcome.Changed, changed.Outcome, changed.ToString());
        Assert.IsTrue(changed.Changes.All(region.Contains));
    }

    [TestMethod]
    public async Task WaitForChangeAsync_WithoutDamage_FindsTheChangeByPolling()
    {
        using var polling = s_desktop.Virtual.Open(new Engine.DesktopOptions { UseDamage = false });
        var region = new Rect(0, 0, 400, 300);
        var waiting = polling.Watcher.WaitForChangeAsync(region, TimeSpan.FromSeconds(10), cancellationToken: TestContext.CancellationToken);
        await TestDesktop.RunAsync(s_desktop.App("xsetroot", "-solid", "#336699"));
        var report = await waiting;
        Assert.AreEqual(WaitOutcome.Changed, report.Outcome, report.ToString());
        Assert.IsFalse(report.UsedDamage);
        Assert.AreEqual(0x336699, polling.Screen.Capture(new Rect(5, 5, 1, 1)).GetRgb(0, 0));
    }
}
