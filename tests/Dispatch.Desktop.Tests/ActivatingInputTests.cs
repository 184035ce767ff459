using System.Diagnostics;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Journal;
using Dispatch.Engine.Loop;
using Dispatch.Engine.Safety;
using Dispatch.Engine.Windowing;

namespace Dispatch.Desktop.Tests;

/// <summary>
/// Every input that can press a button of a real dialog about permanent deletion is held, whichever way it comes:
/// keypad and ISO Enter, keypad space, the mnemonic, a held Return, a typed newline or space, a Tab before Return,
/// a button press with no release, a drag shorter than the drag threshold. The button is named with a verb no list
/// holds ("Obliterate"), so only the rule "a window that speaks of loss" can hold it. Denied, the dialog stays open.
/// </summary>
[TestClass]
public sealed class ActivatingInputTests
{
    private static TestDesktop s_desktop = null!;
    private static GatedDesktop s_gated = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_desktop = await TestDesktop.StartAsync();
        s_gated = new GatedDesktop(s_desktop, s_desktop.PathOf("activating.jsonl"));
    }

    [ClassCleanup]
    public static void Stop()
    {
        s_gated?.Dispose();
        s_desktop?.Dispose();
    }

    public TestContext TestContext { get; set; } = null!;

    private static async Task<LaunchedApp> LaunchAsync(params string[] arguments)
    {
        var app = await s_desktop.LaunchAsync(s_desktop.App("zenity", arguments));
        await s_desktop.Desktop.Accessibility.WaitForAsync(Engine.Accessibility.UiScope.Process(app.Process.Id), TimeSpan.FromSeconds(45));
        await s_desktop.SettleAsync();
        return app;
    }

    private static Task<LaunchedApp> QuestionAsync() =>
        LaunchAsync("--question", "--title", "Invoices", "--text", "Delete all invoices permanently?", "--ok-label", "_Obliterate", "--cancel-label", "_Keep");

    private static ScriptedApprovalChannel Denying() => new((_, _) => Task.FromResult(ScriptedApprovalChannel.Say(ApprovalOutcome.Denied)));

    private static ScriptedApprovalChannel ApprovingAfter(TimeSpan delay) => new(async (_, token) =>
    {
        await Task.Delay(delay, token);
        return ScriptedApprovalChannel.Say(ApprovalOutcome.Approved);
    });

    private static async Task<Point> ButtonCentreAsync(string name) => (await s_gated.Finder.FindAsync($"role=\"push button\" name=\"{name}\" in window \"Invoices\"")).Bounds.Center;

    [TestMethod]
    [DataRow("{\"action\":\"key\",\"text\":\"ISO_Enter\"}")]
    [DataRow("{\"action\":\"key\",\"text\":\"KP_Enter\"}")]
    [DataRow("{\"action\":\"key\",\"text\":\"KP_Space\"}")]
    [DataRow("{\"action\":\"key\",\"text\":\"alt+o\"}")]
    [DataRow("{\"action\":\"key\",\"text\":\"Tab Return\"}")]
    [DataRow("{\"action\":\"hold_key\",\"text\":\"Return\",\"duration\":0.3}")]
    [DataRow("{\"action\":\"type\",\"text\":\"\\n\"}")]
    [DataRow("{\"action\":\"type\",\"text\":\" \"}")]
    [DataRow("{\"action\":\"left_mouse_down\",\"coordinate\":[OK]}")]
    [DataRow("{\"action\":\"left_click_drag\",\"start_coordinate\":[OK],\"coordinate\":[OK3]}")]
    public async Task ActivatingInput_OnAConfirmationAboutPermanentDeletion_IsHeld_AndDeniedLeavesTheDialogOpen(string json)
    {
        var app = await QuestionAsync();
        var ok = await ButtonCentreAsync("Obliterate");
        var action = ComputerActionJson.Parse(json.Replace("[OK3]", $"[{ok.X + 3},{ok.Y}]", StringComparison.Ordinal)
            .Replace("[OK]", $"[{ok.X},{ok.Y}]", StringComparison.Ordinal));
        var phone = Denying();

        var result = await s_gated.RunAsync(GatedDesktop.Batch(action), phone, cancellationToken: TestContext.CancellationToken);

        Assert.HasCount(1, phone.Requests, $"{json} was not held: {result.Steps[0]}");
        Assert.AreEqual(StepDecision.Denied, result.Steps[0].Decision);
        Assert.IsTrue(s_desktop.Desktop.Input.QueryState().NothingPressed, "a key or button is still held");
        await Task.Delay(300, TestContext.CancellationToken);
        Assert.IsFalse(app.Process.HasExited, $"the dialog was answered (exit {(app.Process.HasExited ? app.Process.ExitCode : 0)}) although {json} was denied");
        app.Process.Kill();
    }

    [TestMethod]
    public async Task ClickOnTheSafeChoice_IsNotHeld()
    {
        var app = await QuestionAsync();
        var phone = Denying();

        var result = await s_gated.RunAsync(GatedDesktop.Batch(new ComputerAction(ActionKind.LeftClick) { Coordinate = await ButtonCentreAsync("Keep") }), phone,
            cancellationToken: TestContext.CancellationToken);

        Assert.IsEmpty(phone.Requests, result.Steps[0].ToString());
        await app.Process.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        Assert.AreEqual(1, app.Process.ExitCode, "Keep should have answered the dialog with no");
    }

    [TestMethod]
    public async Task ElementClick_SearchesOnce_ThoughItIsHeldApprovedAndRecheckedBeforeActing()
    {
        var app = await QuestionAsync();
        var phone = ApprovingAfter(TimeSpan.Zero);
        var searches = s_gated.Finder.Searches;

        var result = await s_gated.RunAsync(GatedDesktop.Batch(new ComputerAction(ActionKind.ClickElement) { Locator = "role=\"push button\" name=\"Obliterate\" in window \"Invoices\"" }),
            phone, cancellationToken: TestContext.CancellationToken);

        Assert.AreEqual(StepDecision.Approved, result.Steps[0].Decision, result.Steps[0].ToString());
        Assert.AreEqual(1, s_gated.Finder.Searches - searches, "one element step must run its locator once");
        StringAssert.Contains(phone.Requests.Single().Sentence, "Click 'Obliterate' in 'Invoices'");
        await app.Process.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        Assert.AreEqual(0, app.Process.ExitCode);
    }

    [TestMethod]
    public async Task SlowPerson_ApprovingReturnInAnEntryAboutOverwriting_IsAskedOnce_AndTheDialogAnswers()
    {
        var app = await LaunchAsync("--entry", "--title", "Save report", "--text", "report.txt already exists. Overwrite it?", "--entry-text", "report.txt");
        var phone = ApprovingAfter(TimeSpan.FromSeconds(10));

        var result = await s_gated.RunAsync(GatedDesktop.Batch(new ComputerAction(ActionKind.Key) { Text = "Return" }), phone,
            cancellationToken: TestContext.CancellationToken);

        Assert.HasCount(1, phone.Requests, string.Join(" | ", phone.Requests.Select(r => r.Reason)));
        Assert.AreEqual(StepDecision.Approved, result.Steps[0].Decision, result.Steps[0].ToString());
        await app.Process.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        Assert.AreEqual(0, app.Process.ExitCode, "Return did not reach the dialog's OK");
    }

    [TestMethod]
    public async Task Password_ByKeySequence_IsHeldAndRedacted_AndApprovedAfterTenSecondsIsTypedOnce()
    {
        var output = s_desktop.PathOf("password.txt");
        var start = s_desktop.App("sh", "-c", $"zenity --password --title 'Unlock keyring' > '{output}'");
        var app = await s_desktop.LaunchAsync(start, w => w.Title == "Unlock keyring");
        await s_desktop.Desktop.Accessibility.WaitForAsync(Engine.Accessibility.UiScope.Window("Unlock keyring"), TimeSpan.FromSeconds(45));
        await s_desktop.SettleAsync();
        var phone = ApprovingAfter(TimeSpan.FromSeconds(10));

        var result = await s_gated.RunAsync(GatedDesktop.Batch(new ComputerAction(ActionKind.Key) { Text = "h u n t e r 2" },
            new ComputerAction(ActionKind.Key) { Text = "Return" }), phone, cancellationToken: TestContext.CancellationToken);

        Assert.HasCount(1, phone.Requests, string.Join(" | ", result.Steps));
        Assert.IsTrue(result.Steps[0].Risk!.IsSecret);
        Assert.DoesNotContain("h u n", phone.Requests[0].Action);
        await app.Process.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        Assert.AreEqual("hunter2", (await File.ReadAllTextAsync(output, TestContext.CancellationToken)).Trim());
        Assert.DoesNotContain("h u n t", await File.ReadAllTextAsync(s_gated.JournalPath, TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task WindowMovedOverTheTargetAfterApproval_AsksAgainInsteadOfClicking()
    {
        var app = await QuestionAsync();
        var ok = await ButtonCentreAsync("Obliterate");
        var cover = await s_desktop.LaunchAsync(s_desktop.App("xterm", "-title", "cover", "-geometry", "40x6+0+0"));
        var asked = 0;
        var phone = new ScriptedApprovalChannel(async (_, token) =>
        {
            if (++asked == 1)
            {
                // While the person reads the phone, a terminal comes over the button they are approving.
                s_desktop.Desktop.Windows.MoveResize(cover.Window.Id, new Rect(ok.X - 60, ok.Y - 40, 240, 100));
                s_desktop.Desktop.Windows.Activate(cover.Window.Id);
                await s_desktop.Desktop.Windows.WaitForWindowAsync(w => w.Id == cover.Window.Id && w.Bounds.Contains(ok), TimeSpan.FromSeconds(5), token);
                await s_desktop.SettleAsync();
                return ScriptedApprovalChannel.Say(ApprovalOutcome.Approved);
            }
            return ScriptedApprovalChannel.Say(ApprovalOutcome.Denied);
        });

        var result = await s_gated.RunAsync(GatedDesktop.Batch(new ComputerAction(ActionKind.LeftClick) { Coordinate = ok }), phone,
            cancellationToken: TestContext.CancellationToken);

        Assert.HasCount(2, phone.Requests, result.Steps[0].ToString());
        StringAssert.Contains(phone.Requests[1].Reason, "asked again");
        Assert.AreEqual(StepDecision.Denied, result.Steps[0].Decision);
        Assert.IsFalse(app.Process.HasExited);
        app.Process.Kill();
        cover.Process.Kill();
    }

    [TestMethod]
    public async Task Errors_ALocatorMissAndAPointOffTheScreen_AreJournaledWithTheirType_AndTheLoopGoesOn()
    {
        var journal = s_desktop.PathOf("errors.jsonl");
        using var gated = new GatedDesktop(s_desktop, journal);
        var planner = new ScriptedPlanner((_, turn) => turn switch
        {
            0 => new PlannerDecision([new PlannedAction(new ComputerAction(ActionKind.ClickElement) { Locator = "role=\"push button\" name=\"Nowhere to be seen\"" })]),
            1 => new PlannerDecision([new PlannedAction(new ComputerAction(ActionKind.LeftClick) { Coordinate = new Point(5000, 10) })]),
            _ => PlannerDecision.Finished("gave up"),
        });

        var result = await gated.RunAsync(planner, Denying(), cancellationToken: TestContext.CancellationToken);

        Assert.AreEqual(LoopOutcome.Done, result.Outcome);
        CollectionAssert.AreEqual(new[] { StepOutcome.NotFound, StepOutcome.OffScreen }, result.Steps.Select(s => s.Outcome).ToList(),
            string.Join("\n", result.Steps.Select(s => $"{s.Outcome}: {s.Detail}")));
        StringAssert.Contains(result.Steps[1].Detail, "5000,10");
        var text = await File.ReadAllTextAsync(journal, TestContext.CancellationToken);
        StringAssert.Contains(text, "\"outcome\":\"not_found\"");
        StringAssert.Contains(text, "\"outcome\":\"off_screen\"");
        Assert.IsTrue(ActionJournal.Verify(journal).IsIntact, ActionJournal.Verify(journal).ToString());
        var lines = await File.ReadAllLinesAsync(journal, TestContext.CancellationToken);
        await File.WriteAllLinesAsync(journal, lines[..^1], TestContext.CancellationToken);
        Assert.IsFalse(ActionJournal.Verify(journal).IsIntact, "removing the last entry went unnoticed");
    }

    [TestMethod]
    public async Task ADialogThatOpensBetweenJudgingAndClicking_DoesNotTakeTheClick()
    {
        var notes = await s_desktop.LaunchAsync(s_desktop.App("xterm", "-title", "notes", "-geometry", "60x12+600+300"));
        await s_desktop.SettleAsync();
        var point = notes.Window.Bounds.Center;
        using var step = await s_gated.Resolver.ResolveAsync(new ComputerAction(ActionKind.LeftClick) { Coordinate = point }, TestContext.CancellationToken);
        Assert.AreEqual(RiskLevel.Harmless, new RiskPolicy().Classify(step.Action, step.Target).Level, "a click in a terminal is judged harmless");
        // After the judgement, before the click: a confirmation opens right where the click will land.
        var dialog = await QuestionAsync();
        s_desktop.Desktop.Windows.MoveResize(dialog.Window.Id, new Rect(point.X - 200, point.Y - 80, 400, 160));
        await s_desktop.Desktop.Windows.WaitForWindowAsync(w => w.Id == dialog.Window.Id && w.Bounds.Contains(point), TimeSpan.FromSeconds(5), TestContext.CancellationToken);
        await s_desktop.SettleAsync();

        using var result = await new ActionExecutor(s_desktop.Desktop).ExecuteAsync(step, TestContext.CancellationToken);

        Assert.AreEqual(StepOutcome.NotActionable, result.Outcome, result.Failure?.Detail);
        StringAssert.Contains(result.Failure!.Detail, "Invoices");
        await Task.Delay(300, TestContext.CancellationToken);
        Assert.IsFalse(dialog.Process.HasExited, "the click judged for the terminal answered the dialog");
        dialog.Process.Kill();
        notes.Process.Kill();
    }
}
