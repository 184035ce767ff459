using Dispatch.Engine.Actions;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Journal;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Loop;
using Dispatch.Engine.Safety;
using Dispatch.Engine.Vision;
using Dispatch.Engine.Windowing;

namespace Dispatch.Desktop.Tests;

/// <summary>
/// The approval gate with real dialogs: a scripted planner clicks zenity's buttons, a scripted person answers on
/// the "phone", and what the dialog did (its exit status) and what the journal says are checked.
/// </summary>
[TestClass]
public sealed class ApprovalGateTests
{
    private static TestDesktop s_desktop = null!;
    private static OcrEngine s_ocr = null!;
    private static ElementFinder s_finder = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_desktop = await TestDesktop.StartAsync();
        s_ocr = new OcrEngine();
        s_finder = new ElementFinder(s_desktop.Desktop, s_ocr);
    }

    [ClassCleanup]
    public static void Stop()
    {
        s_ocr?.Dispose();
        s_desktop?.Dispose();
    }

    public TestContext TestContext { get; set; } = null!;

    private string JournalPath => s_desktop.PathOf($"{TestContext.TestName}.jsonl");

    private static async Task<LaunchedApp> QuestionAsync(string text, string title)
    {
        var app = await s_desktop.LaunchAsync(s_desktop.App("zenity", "--question", "--title", title, "--text", text, "--ok-label", "Yes", "--cancel-label", "No"));
        await s_desktop.Desktop.Accessibility.WaitForAsync(Engine.Accessibility.UiScope.Process(app.Process.Id), TimeSpan.FromSeconds(45));
        await s_desktop.SettleAsync();
        return app;
    }

    /// <summary>Clicks the named button of the dialog, found afresh on each turn, in the model's coordinates.</summary>
    private static async Task<PlannerDecision> ClickButtonAsync(PlannerContext context, string window, string button)
    {
        var match = await s_finder.FindAsync($"role=\"push button\" name=\"{button}\" in window \"{window}\"");
        var model = context.Mapping.ToImage(match.Bounds.Center);
        return new PlannerDecision([new PlannedAction(new ComputerAction(ActionKind.LeftClick) { Coordinate = model })]);
    }

    private async Task<(LoopResult Result, ScriptedApprovalChannel Phone)> RunAsync(IPlanner planner, ScriptedApprovalChannel phone, TimeSpan? approvalTimeout = null,
        LoopOptions? options = null, Action<AgentLoop>? started = null)
    {
        using var gated = new GatedDesktop(s_desktop, JournalPath);
        var result = await gated.RunAsync(planner, phone, approvalTimeout ?? TimeSpan.FromSeconds(10), options ?? new LoopOptions { MaxSteps = 5 }, started,
            TestContext.CancellationToken);
        return (result, phone);
    }

    private static Task<PlannerDecision> Once(PlannerContext context, int turn, Func<PlannerContext, Task<PlannerDecision>> first) =>
        turn == 0 ? first(context) : Task.FromResult(PlannerDecision.Finished("clicked"));

    [TestMethod]
    public async Task WhileAPersonIsAsked_NoOtherDispatchCanPressTheAnswerForThem()
    {
        var app = await QuestionAsync("Permanently erase 2 files?", "Erase files");
        string? refused = null;
        var phone = new ScriptedApprovalChannel((_, _) =>
        {
            // Another Dispatch on this display tries to answer for the person: Return would press the dialog's Yes.
            using var other = s_desktop.Virtual.Open();
            refused = Assert.ThrowsExactly<Engine.Input.InputBusyException>(() => other.Input.PressKeys("Return")).Message;
            return Task.FromResult(ScriptedApprovalChannel.Say(ApprovalOutcome.Denied));
        });

        var (result, _) = await RunAsync(new ScriptedPlanner((c, t) => Once(c, t, x => ClickButtonAsync(x, "Erase files", "Yes"))), phone);
        await s_desktop.SettleAsync();

        StringAssert.Contains(refused, $"process {Environment.ProcessId}");
        Assert.AreEqual(StepDecision.Denied, result.Steps.Single().Decision);
        Assert.IsFalse(app.Process.HasExited, "the dialog was answered while the person was being asked");
        app.Process.Kill();
    }

    [TestMethod]
    public async Task Deny_AClickOnYesInADeleteDialog_LeavesTheDialogOpenAndJournalsTheDenial()
    {
        var app = await QuestionAsync("Permanently delete 3 files?", "Delete files");
        var phone = new ScriptedApprovalChannel((_, _) => Task.FromResult(ScriptedApprovalChannel.Say(ApprovalOutcome.Denied)));

        var (result, _) = await RunAsync(new ScriptedPlanner((c, t) => Once(c, t, x => ClickButtonAsync(x, "Delete files", "Yes"))), phone);

        Assert.HasCount(1, phone.Requests);
        StringAssert.Contains(phone.Requests[0].Sentence, "Click 'Yes' in 'Delete files'");
        Assert.AreEqual(StepDecision.Denied, result.Steps.Single().Decision);
        Assert.IsFalse(app.Process.HasExited, "the dialog was answered although the click was denied");
        StringAssert.Contains(await File.ReadAllTextAsync(JournalPath), "\"decision\":\"denied\"");
        app.Process.Kill();
    }

    [TestMethod]
    public async Task Approve_AClickOnYesInADeleteDialog_ClicksIt()
    {
        var app = await QuestionAsync("Permanently delete 3 files?", "Delete files");
        var phone = new ScriptedApprovalChannel((_, _) => Task.FromResult(ScriptedApprovalChannel.Say(ApprovalOutcome.Approved)));

        var (result, _) = await RunAsync(new ScriptedPlanner((c, t) => Once(c, t, x => ClickButtonAsync(x, "Delete files", "Yes"))), phone);

        await app.Process.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        Assert.AreEqual(0, app.Process.ExitCode);
        Assert.AreEqual(StepDecision.Approved, result.Steps.Single().Decision);
        Assert.IsGreaterThan(0, phone.Requests[0].Screenshot.Length);
        Assert.IsTrue(ActionJournal.Verify(JournalPath).IsIntact);
    }

    [TestMethod]
    public async Task NoAnswer_BeforeTheTimeout_IsADenial()
    {
        var app = await QuestionAsync("Permanently delete 3 files?", "Delete files");
        var phone = new ScriptedApprovalChannel(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return ScriptedApprovalChannel.Say(ApprovalOutcome.Approved);
        });

        var (result, _) = await RunAsync(new ScriptedPlanner((c, t) => Once(c, t, x => ClickButtonAsync(x, "Delete files", "Yes"))), phone, TimeSpan.FromMilliseconds(500));

        Assert.AreEqual(StepDecision.TimedOut, result.Steps.Single().Decision);
        Assert.IsFalse(app.Process.HasExited);
        app.Process.Kill();
    }

    [TestMethod]
    public async Task Move_TheDialogAfterApprovalWasAsked_AsksAgainInsteadOfClickingTheOldPlace()
    {
        var app = await QuestionAsync("Permanently delete 3 files?", "Delete files");
        var asked = 0;
        var phone = new ScriptedApprovalChannel(async (request, token) =>
        {
            asked++;
            if (asked == 1)
            {
                // While the person looks at the phone, the dialog moves: the approved click would land elsewhere.
                var window = s_desktop.Desktop.Windows.Get(app.Window.Id)!;
                s_desktop.Desktop.Windows.MoveResize(app.Window.Id, window.Bounds.Offset(400, 250));
                await s_desktop.Desktop.Windows.WaitForWindowAsync(w => w.Id == app.Window.Id && w.Bounds.X == window.Bounds.X + 400,
                    TimeSpan.FromSeconds(5), token);
                await s_desktop.SettleAsync();
                return ScriptedApprovalChannel.Say(ApprovalOutcome.Approved);
            }
            // Asked again about the old place, the person says no; the fresh request after re-planning gets a yes.
            return ScriptedApprovalChannel.Say(asked == 2 ? ApprovalOutcome.Denied : ApprovalOutcome.Approved);
        });
        // The planner clicks Yes where it is; told the click was denied, it looks again and clicks Yes where it is now.
        var planner = new ScriptedPlanner((c, t) => t < 2 ? ClickButtonAsync(c, "Delete files", "Yes") : Task.FromResult(PlannerDecision.Finished("clicked")));

        var (result, _) = await RunAsync(planner, phone);

        Assert.HasCount(3, phone.Requests, string.Join(" | ", phone.Requests.Select(r => r.Sentence)));
        Assert.AreNotEqual(phone.Requests[0].Fingerprint, phone.Requests[1].Fingerprint, "the gate asked again about an unchanged target");
        Assert.AreEqual(StepDecision.Denied, result.Steps[0].Decision, "the approved click at the old place was carried out");
        Assert.AreEqual(StepDecision.Approved, result.Steps[1].Decision);
        await app.Process.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        Assert.AreEqual(0, app.Process.ExitCode);
    }

    [TestMethod]
    public async Task Harmless_ClickOnNo_IsNotHeld()
    {
        var app = await QuestionAsync("Permanently delete 3 files?", "Delete files");
        var phone = new ScriptedApprovalChannel((_, _) => Task.FromResult(ScriptedApprovalChannel.Say(ApprovalOutcome.Denied)));

        var (result, _) = await RunAsync(new ScriptedPlanner((c, t) => Once(c, t, x => ClickButtonAsync(x, "Delete files", "No"))), phone);

        Assert.IsEmpty(phone.Requests);
        Assert.AreEqual(StepDecision.Allowed, result.Steps.Single().Decision);
        await app.Process.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        Assert.AreEqual(1, app.Process.ExitCode);
    }

    [TestMethod]
    public async Task Typing_IntoAPasswordField_IsHeldAndRedactedInTheJournal()
    {
        var app = await s_desktop.LaunchAsync(s_desktop.App("zenity", "--password", "--title", "Unlock keyring"));
        await s_desktop.Desktop.Accessibility.WaitForAsync(Engine.Accessibility.UiScope.Process(app.Process.Id), TimeSpan.FromSeconds(45));
        await s_desktop.SettleAsync();
        var phone = new ScriptedApprovalChannel((_, _) => Task.FromResult(ScriptedApprovalChannel.Say(ApprovalOutcome.Approved)));
        var type = new ComputerAction(ActionKind.Type) { Text = "correct horse battery" };

        var (result, _) = await RunAsync(new ScriptedPlanner((c, t) => t == 0 ? new PlannerDecision([new PlannedAction(type)]) : PlannerDecision.Finished("typed")), phone);

        Assert.IsTrue(result.Steps.Single().Risk!.IsSecret, result.Steps.Single().Risk!.Reason);
        Assert.HasCount(1, phone.Requests);
        Assert.DoesNotContain("correct horse", phone.Requests[0].Action);
        var journal = await File.ReadAllTextAsync(JournalPath);
        Assert.DoesNotContain("correct horse", journal);
        StringAssert.Contains(journal, "[redacted]");
        Assert.IsTrue(ActionJournal.Verify(JournalPath).IsIntact);
        var lines = await File.ReadAllLinesAsync(JournalPath);
        var intent = Array.FindLastIndex(lines, l => l.Contains("\"approved\"", StringComparison.Ordinal));
        lines[intent] = lines[intent].Replace("\"approved\"", "\"approvee\"", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(JournalPath, lines);
        Assert.AreEqual(intent + 1, ActionJournal.Verify(JournalPath).FirstBadEntry);
        app.Process.Kill();
    }

    [TestMethod]
    public async Task EmergencyStop_DuringAHeldButton_ReleasesItOnTheServer()
    {
        AgentLoop? loop = null;
        var phone = new ScriptedApprovalChannel((_, _) => Task.FromResult(ScriptedApprovalChannel.Say(ApprovalOutcome.Denied)));
        var planner = new ScriptedPlanner((c, t) => t == 0
            ? new PlannerDecision(
            [
                new PlannedAction(new ComputerAction(ActionKind.LeftMouseDown) { Coordinate = c.Mapping.ToImage(new Point(1800, 1000)) }),
                new PlannedAction(new ComputerAction(ActionKind.Wait) { Duration = 30 }),
            ])
            : PlannerDecision.Finished("held"));
        var stopper = Task.Run(async () =>
        {
            while (!s_desktop.Desktop.Input.QueryState().ButtonsDown.Any())
            {
                await Task.Delay(10, TestContext.CancellationToken);
            }
            loop!.EmergencyStop();
        }, TestContext.CancellationToken);

        var (result, _) = await RunAsync(planner, phone, started: l => loop = l);
        await stopper;

        Assert.AreEqual(LoopOutcome.Stopped, result.Outcome);
        Assert.IsTrue(s_desktop.Desktop.Input.QueryState().NothingPressed, "the button is still held on the X server");
    }

    [TestMethod]
    public async Task Stuck_APlannerRepeatingAClickWithNoEffect_IsStopped()
    {
        var phone = new ScriptedApprovalChannel((_, _) => Task.FromResult(ScriptedApprovalChannel.Say(ApprovalOutcome.Denied)));
        var click = new ComputerAction(ActionKind.LeftClick) { Coordinate = new Point(5, 5) };

        var (result, _) = await RunAsync(new ScriptedPlanner((_, _) => new PlannerDecision([new PlannedAction(click)])), phone,
            options: new LoopOptions { MaxSteps = 10, StuckAfter = 3 });

        Assert.AreEqual(LoopOutcome.Stuck, result.Outcome, result.Message);
        Assert.HasCount(3, result.Steps, string.Join(" | ", result.Steps));
    }
}
