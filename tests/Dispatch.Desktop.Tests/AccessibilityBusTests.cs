using System.Diagnostics;
using Dispatch.Engine.Accessibility;

namespace Dispatch.Desktop.Tests;

/// <summary>
/// The accessibility backend as an instance per display: two desktops read at once from this one process, a hung
/// application that costs only its own timeout, and a snapshot that stops when it is cancelled.
/// </summary>
[TestClass]
public sealed class AccessibilityBusTests
{
    private static TestDesktop s_first = null!;
    private static TestDesktop s_second = null!;
    private static int s_calculator;
    private static int s_question;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        var first = TestDesktop.StartAsync();
        var second = TestDesktop.StartAsync();
        (s_first, s_second) = (await first, await second);
        var calculator = await s_first.LaunchAsync(s_first.App("gnome-calculator"), w => w.ClassName.Contains("calculator", StringComparison.OrdinalIgnoreCase));
        s_calculator = calculator.Process.Id;
        var question = await s_second.LaunchAsync(s_second.App("zenity", "--question", "--title=Second desktop", "--text=Which desktop is this?"),
            w => w.Title == "Second desktop");
        s_question = question.Process.Id;
        await s_first.Desktop.Accessibility.WaitForAsync(UiScope.Process(s_calculator), TimeSpan.FromSeconds(45));
        await s_second.Desktop.Accessibility.WaitForAsync(UiScope.Process(s_question), TimeSpan.FromSeconds(45));
    }

    [ClassCleanup]
    public static void Stop()
    {
        s_first?.Dispose();
        s_second?.Dispose();
    }

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Snapshot_OfTwoDesktopsAtOnce_ReadsEachDesktopsOwnApplication()
    {
        var first = s_first.Desktop.Accessibility.SnapshotAsync(UiScope.Desktop, cancellationToken: TestContext.CancellationToken);
        var second = s_second.Desktop.Accessibility.SnapshotAsync(UiScope.Desktop, cancellationToken: TestContext.CancellationToken);
        var trees = await Task.WhenAll(first, second);

        Assert.IsFalse(trees[0].IsPartial, trees[0].PartialReason);
        Assert.IsFalse(trees[1].IsPartial, trees[1].PartialReason);
        var firstApps = trees[0].Root.Children;
        var secondApps = trees[1].Root.Children;
        Assert.IsTrue(firstApps.Any(a => a.Path.ProcessId == s_calculator && a.Name == "gnome-calculator"), string.Join(", ", firstApps.Select(a => a.Name)));
        Assert.IsFalse(firstApps.Any(a => a.Path.ProcessId == s_question), "the first desktop's tree holds the second desktop's dialog");
        Assert.IsTrue(trees[0].Nodes.Any(n => n.BackendRole == "push button" && n.Name.Contains('7')), "the calculator's 7 is missing");
        Assert.IsFalse(secondApps.Any(a => a.Path.ProcessId == s_calculator), "the second desktop's tree holds the first desktop's calculator");
        var dialog = secondApps.Single(a => a.Path.ProcessId == s_question);
        Assert.IsTrue(dialog.DescendantsAndSelf().Any(n => n.Name == "Second desktop"), "the question's window is missing");
        Assert.IsTrue(dialog.DescendantsAndSelf().Any(n => n.BackendRole == "push button" && n.Label == "Yes"), "the question's Yes button is missing");
    }

    [TestMethod]
    public async Task Snapshot_WithAHungApplication_IsPartialNamingIt_WhileAnotherApplicationAnswers()
    {
        var hung = await StartHungAsync(s_first);
        var stopped = hung.Id;
        UiTree desktop, calculator;
        TimeSpan desktopTime, calculatorTime;
        try
        {
            var started = Stopwatch.StartNew();
            desktop = await s_first.Desktop.Accessibility.SnapshotAsync(UiScope.Desktop, cancellationToken: TestContext.CancellationToken);
            desktopTime = started.Elapsed;
            started.Restart();
            calculator = await s_first.Desktop.Accessibility.SnapshotAsync(UiScope.Process(s_calculator), cancellationToken: TestContext.CancellationToken);
            calculatorTime = started.Elapsed;
        }
        finally
        {
            End(hung);
        }

        Assert.IsTrue(desktop.IsPartial, "a hung application left no mark on the desktop's snapshot");
        StringAssert.Contains(desktop.PartialReason, $"pid {stopped}");
        StringAssert.Contains(desktop.PartialReason, "did not answer");
        Assert.IsTrue(desktop.Root.Children.Any(a => a.Path.ProcessId == s_calculator && a.Children.Count > 0), "the answering calculator is missing");
        Assert.IsLessThan(WalkLimits.Default.Timeout + TimeSpan.FromSeconds(2), desktopTime, "the hung application cost more than its own timeout");
        Assert.IsFalse(calculator.IsPartial, calculator.PartialReason);
        Assert.IsLessThan(WalkLimits.Default.Timeout, calculatorTime, "a snapshot of another application waited for the hung one");
    }

    [TestMethod]
    public async Task Snapshot_Cancelled_ThrowsPromptly()
    {
        var hung = await StartHungAsync(s_first);
        TimeSpan elapsed;
        try
        {
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
            cancel.CancelAfter(TimeSpan.FromMilliseconds(200));
            var started = Stopwatch.StartNew();

            await Assert.ThrowsAsync<OperationCanceledException>(() => s_first.Desktop.Accessibility.SnapshotAsync(UiScope.Desktop, cancellationToken: cancel.Token));

            elapsed = started.Elapsed;
        }
        finally
        {
            End(hung);
        }
        Assert.IsLessThan(TimeSpan.FromSeconds(1), elapsed, "the cancelled snapshot went on waiting for the hung application");
    }

    /// <summary>A zenity dialog on the accessibility bus, stopped with SIGSTOP; <see cref="End"/> kills it, so other tests see no hung application.</summary>
    private static async Task<Process> StartHungAsync(TestDesktop desktop)
    {
        var title = $"Hung {Guid.NewGuid():N}";
        var app = await desktop.LaunchAsync(desktop.App("zenity", "--info", $"--title={title}", "--text=Stopped"), w => w.Title == title);
        await desktop.Desktop.Accessibility.WaitForAsync(UiScope.Process(app.Process.Id), TimeSpan.FromSeconds(45));
        Assert.AreEqual(0, await TestDesktop.RunAsync(new ProcessStartInfo("kill", ["-STOP", app.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])));
        return app.Process;
    }

    private static void End(Process hung)
    {
        hung.Kill(entireProcessTree: true);
        hung.WaitForExit(5000);
    }
}
