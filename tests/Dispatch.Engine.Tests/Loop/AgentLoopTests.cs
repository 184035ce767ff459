using System.Text.Json.Nodes;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Journal;
using Dispatch.Engine.Loop;
using Dispatch.Engine.Safety;
using Dispatch.Engine.Windowing;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Engine.Tests.Loop;

/// <summary>
/// The loop and the gate on a scripted desktop and a fake clock: budgets, batches that end at a denial or a failure,
/// a person who answers slowly or late, a target that keeps changing, and what the journal keeps of each.
/// </summary>
[TestClass]
public sealed class AgentLoopTests
{
    private static readonly Point s_yes = new(100, 100);
    private static readonly Point s_no = new(200, 100);
    private static readonly WindowInfo s_dialog = new(0x2400003, "Delete files", "Zenity", "zenity", 77, new Rect(0, 0, 400, 150), true, true);

    private FakeTimeProvider _time = null!;
    private FakeStepResolver _resolver = null!;
    private FakeExecutor _executor = null!;
    private string _folder = null!;
    private JournalKey _key = null!;
    private ActionJournal _journal = null!;
    private readonly List<ApprovalRequest> _asked = [];
    private Func<ApprovalRequest, CancellationToken, Task<ApprovalDecision>> _answer = (_, _) => Task.FromResult(Say(ApprovalOutcome.Denied));

    public TestContext TestContext { get; set; } = null!;

    private string JournalPath => Path.Combine(_folder, "task.jsonl");

    [TestInitialize]
    public void Start()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        _resolver = new FakeStepResolver { Targets = Target };
        _executor = new FakeExecutor();
        _folder = Directory.CreateTempSubdirectory("dispatch-loop-").FullName;
        _key = JournalKey.LoadOrCreate(Path.Combine(_folder, "state"));
        _journal = ActionJournal.Open(JournalPath, _key, _time);
    }

    [TestCleanup]
    public void Stop()
    {
        _journal.Dispose();
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>"Permanently delete 3 files?" with Yes and No.</summary>
    private static ActionTarget Target(ComputerAction action) => new()
    {
        Window = s_dialog,
        IsDialog = true,
        WindowText = "Delete files\nPermanently delete 3 files?",
        Point = action.Coordinate,
        Element = action.Coordinate is { } at
            ? new UiNode(UiRole.Button, "push button", at == s_yes ? "Yes" : "No", "", UiStates.Enabled | UiStates.Visible, new Rect(at.X - 20, at.Y - 10, 40, 20), null,
                ["click"], new UiPath(77, [0, at == s_yes ? 1 : 2]), "zenity", [])
            : null,
    };

    private static ApprovalDecision Say(ApprovalOutcome outcome, DateTimeOffset? at = null) => new(outcome, "test person", at ?? DateTimeOffset.UnixEpoch);

    private static PlannedAction Click(Point at) => new(new ComputerAction(ActionKind.LeftClick) { Coordinate = at });

    private AgentLoop Loop(int maxAsks = 3, ILoopEventSink? events = null)
    {
        var policy = new RiskPolicy();
        var gate = new ApprovalGate(new Channel(this), _resolver, policy, _time) { Timeout = TimeSpan.FromMinutes(2), MaxAsks = maxAsks };
        return new AgentLoop(_resolver, policy, gate, _executor, _journal, _time, events);
    }

    private sealed class EventLog : ILoopEventSink
    {
        public List<LoopEvent> Events { get; } = [];

        public void Publish(LoopEvent loopEvent) => Events.Add(loopEvent);
    }

    private static LoopOptions Screen(LoopOptions? options = null) => (options ?? new LoopOptions()) with { ScreenCoordinates = true };

    /// <summary>Moves the fake clock a second at a time until the run ends.</summary>
    private async Task<T> DriveAsync<T>(Task<T> run)
    {
        for (var i = 0; i < 100_000 && !run.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1, TestContext.CancellationToken);
        }
        return await run;
    }

    private List<JsonObject> Entries()
    {
        _journal.Dispose();
        var entries = File.ReadAllLines(JournalPath).Select(l => JsonNode.Parse(l)!.AsObject()).Where(e => e["seq"] is not null).ToList();
        _journal = ActionJournal.Open(JournalPath, _key, _time);
        return entries;
    }

    private sealed class Channel(AgentLoopTests test) : IApprovalChannel
    {
        public Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken)
        {
            test._asked.Add(request);
            return test._answer(request, cancellationToken);
        }
    }

    [TestMethod]
    public async Task Denial_EndsTheBatch_TheRestIsNotRun_AndThePlannerIsToldBoth()
    {
        var planner = new ScriptedPlanner(turn => turn == 0 ? new PlannerDecision([Click(s_yes), Click(s_no)]) : PlannerDecision.Finished("gave up"));

        var result = await Loop().RunAsync("tidy", planner, Screen(), TestContext.CancellationToken);

        Assert.HasCount(1, _asked);
        Assert.IsEmpty(_executor.Executed, "a click ran after the batch was denied");
        Assert.AreEqual(StepDecision.Denied, result.Steps[0].Decision);
        Assert.AreEqual(StepOutcome.NotExecuted, result.Steps[1].Outcome);
        StringAssert.Contains(result.Steps[1].Detail, "the batch ended at step 1, which was denied");
        Assert.HasCount(2, planner.HistoriesSeen[1], "the planner's next context must list the denial and the unexecuted action");
        var entries = Entries();
        Assert.AreEqual("denied", (string?)entries[0]["decision"]);
        Assert.AreEqual("not_executed", (string?)entries[1]["outcome"]);
        Assert.IsTrue(ActionJournal.Verify(JournalPath, _key).IsIntact);
    }

    [TestMethod]
    public async Task Events_ReportEachStepAsItHappens_HeldDecidedAndRun_InOrder()
    {
        _answer = (_, _) => Task.FromResult(Say(ApprovalOutcome.Approved, _time.GetUtcNow()));
        _resolver.Missing.Add("name=\"Send\"");
        var log = new EventLog();
        var planner = new ScriptedPlanner(turn => turn switch
        {
            0 => new PlannerDecision([Click(s_no), Click(s_yes)]),
            1 => new PlannerDecision([new PlannedAction(new ComputerAction(ActionKind.ClickElement) { Locator = "name=\"Send\"" })]),
            _ => PlannerDecision.Finished("tidied"),
        });

        var result = await Loop(events: log).RunAsync("tidy", planner, Screen(new LoopOptions { TaskId = Guid.Parse("00000000-0000-0000-0000-000000000042") }),
            TestContext.CancellationToken);

        var expected = new (LoopEventKind Kind, int Step)[]
        {
            (LoopEventKind.Started, 0),
            (LoopEventKind.Planned, 1), (LoopEventKind.Decided, 1), (LoopEventKind.Executed, 1),
            (LoopEventKind.Planned, 2), (LoopEventKind.Held, 2), (LoopEventKind.Decided, 2), (LoopEventKind.Executed, 2),
            (LoopEventKind.Planned, 3), (LoopEventKind.Failed, 3),
            (LoopEventKind.Finished, 0),
        };
        CollectionAssert.AreEqual(expected, log.Events.Select(e => (e.Kind, e.Step)).ToList(), string.Join("\n", log.Events));
        CollectionAssert.AreEqual(Enumerable.Range(1, expected.Length).ToList(), log.Events.Select(e => e.Sequence).ToList());
        Assert.IsTrue(log.Events.All(e => e.TaskId == Guid.Parse("00000000-0000-0000-0000-000000000042") && e.Task == "tidy"));
        var held = log.Events.Single(e => e.Kind == LoopEventKind.Held);
        Assert.AreEqual(RiskLevel.Irreversible, held.Risk);
        StringAssert.Contains(held.Sentence, "'Yes'");
        Assert.AreEqual(StepDecision.Approved, log.Events.Last(e => e.Kind == LoopEventKind.Decided).Decision);
        Assert.AreEqual(StepOutcome.NotFound, log.Events.Single(e => e.Kind == LoopEventKind.Failed).Outcome);
        Assert.AreEqual(LoopOutcome.Done, log.Events[^1].Finished);
        Assert.AreEqual(LoopOutcome.Done, result.Outcome);
    }

    [TestMethod]
    public async Task Failure_EndsTheBatch_IsJournaledWithItsType_AndTheLoopGoesBackToThePlanner()
    {
        _resolver.Missing.Add("name=\"Send\"");
        var planner = new ScriptedPlanner(turn => turn == 0
            ? new PlannerDecision([new PlannedAction(new ComputerAction(ActionKind.ClickElement) { Locator = "name=\"Send\"" }), Click(s_no)])
            : PlannerDecision.Finished("looked elsewhere"));

        var result = await Loop().RunAsync("send it", planner, Screen(), TestContext.CancellationToken);

        Assert.AreEqual(LoopOutcome.Done, result.Outcome);
        Assert.AreEqual(StepOutcome.NotFound, result.Steps[0].Outcome);
        StringAssert.Contains(result.Steps[0].Detail, "No element matches");
        Assert.AreEqual(StepOutcome.NotExecuted, result.Steps[1].Outcome);
        Assert.IsEmpty(_executor.Executed);
        var entries = Entries();
        Assert.AreEqual("intent", (string?)entries[0]["kind"]);
        Assert.AreEqual("not_found", (string?)entries[1]["outcome"]);
        Assert.IsTrue(ActionJournal.Verify(JournalPath, _key).IsIntact);
    }

    [TestMethod]
    public async Task DryRun_ClassifiesAndJournalsEveryStep_AndRunsNone()
    {
        var planner = new ScriptedPlanner(turn => turn == 0 ? new PlannerDecision([Click(s_yes), Click(s_no)]) : PlannerDecision.Finished("planned"));

        var result = await Loop().RunAsync("tidy", planner, Screen(new LoopOptions { DryRun = true }), TestContext.CancellationToken);

        Assert.IsEmpty(_asked);
        Assert.IsEmpty(_executor.Executed);
        CollectionAssert.AreEqual(new StepDecision?[] { StepDecision.DryRun, StepDecision.DryRun }, result.Steps.Select(s => s.Decision).ToList());
        Assert.AreEqual(RiskLevel.Irreversible, result.Steps[0].Risk!.Level);
        Assert.AreEqual(RiskLevel.Harmless, result.Steps[1].Risk!.Level);
        Assert.HasCount(4, Entries());
    }

    [TestMethod]
    public async Task SlowPerson_WhoApprovesAfterTenSeconds_IsAskedOnce_AndTheStepRuns()
    {
        _answer = async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), _time, token);
            return Say(ApprovalOutcome.Approved, _time.GetUtcNow());
        };
        var planner = new ScriptedPlanner(turn => turn == 0 ? new PlannerDecision([Click(s_yes)]) : PlannerDecision.Finished("deleted"));

        var result = await DriveAsync(Loop().RunAsync("tidy", planner, Screen(), TestContext.CancellationToken));

        Assert.HasCount(1, _asked);
        Assert.AreEqual(StepDecision.Approved, result.Steps[0].Decision);
        Assert.AreEqual(s_yes, _executor.Executed.Single().Coordinate);
    }

    [TestMethod]
    public async Task NoAnswer_InTime_IsTimedOut_AndAnAnswerAfterTheDeadlineIsLate()
    {
        _answer = async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, token);
            return Say(ApprovalOutcome.Approved);
        };
        var planner = new ScriptedPlanner(turn => turn == 0 ? new PlannerDecision([Click(s_yes)]) : PlannerDecision.Finished("no"));
        var timedOut = await DriveAsync(Loop().RunAsync("tidy", planner, Screen(), TestContext.CancellationToken));

        // A channel that ignores cancellation and says yes after the deadline must not turn the no into a yes.
        _answer = async (_, _) =>
        {
            await Task.Delay(TimeSpan.FromMinutes(3), _time, CancellationToken.None);
            return Say(ApprovalOutcome.Approved, _time.GetUtcNow());
        };
        var late = await DriveAsync(Loop().RunAsync("tidy", new ScriptedPlanner(turn => turn == 0 ? new PlannerDecision([Click(s_yes)]) : PlannerDecision.Finished("no")),
            Screen(), TestContext.CancellationToken));

        Assert.AreEqual(StepDecision.TimedOut, timedOut.Steps[0].Decision);
        Assert.AreEqual(StepDecision.Late, late.Steps[0].Decision);
        Assert.IsEmpty(_executor.Executed);
    }

    [TestMethod]
    public async Task TargetThatChangesAfterEveryApproval_IsAskedMaxAsksTimes_ThenNotRun()
    {
        _answer = (_, _) => Task.FromResult(Say(ApprovalOutcome.Approved));
        _resolver.Again = (_, n) => $"moved {n}";
        var planner = new ScriptedPlanner(turn => turn == 0 ? new PlannerDecision([Click(s_yes)]) : PlannerDecision.Finished("no"));

        var result = await Loop(maxAsks: 3).RunAsync("tidy", planner, Screen(), TestContext.CancellationToken);

        Assert.HasCount(3, _asked);
        Assert.AreEqual(StepDecision.TargetChanged, result.Steps[0].Decision);
        StringAssert.Contains(_asked[1].Reason, "asked again");
        Assert.IsEmpty(_executor.Executed);
    }

    [TestMethod]
    public async Task TargetThatChangesOnce_IsAskedAgainAboutWhatIsThereNow_AndRunsWhenItHoldsStill()
    {
        _answer = (_, _) => Task.FromResult(Say(ApprovalOutcome.Approved));
        _resolver.Again = (step, n) => n == 1 ? "moved" : step.Identity!.Description;
        var planner = new ScriptedPlanner(turn => turn == 0 ? new PlannerDecision([Click(s_yes)]) : PlannerDecision.Finished("done"));

        var result = await Loop().RunAsync("tidy", planner, Screen(), TestContext.CancellationToken);

        Assert.HasCount(2, _asked);
        Assert.AreNotEqual(_asked[0].Fingerprint, _asked[1].Fingerprint);
        Assert.AreEqual(StepDecision.Approved, result.Steps[0].Decision);
        Assert.HasCount(1, _executor.Executed);
    }

    [TestMethod]
    public async Task Stuck_TheSameClickWithNoEffect_StopsTheRun()
    {
        _executor.Effect = ActionEffect.NoVisibleChange;
        var planner = new ScriptedPlanner(_ => new PlannerDecision([Click(s_no)]));

        var result = await Loop().RunAsync("tidy", planner, Screen(new LoopOptions { StuckAfter = 3 }), TestContext.CancellationToken);

        Assert.AreEqual(LoopOutcome.Stuck, result.Outcome);
        Assert.HasCount(3, _executor.Executed);
    }

    [TestMethod]
    public async Task TimeBudget_OnTheLoopsClock_StopsAPlannerThatThinksForever_AndReleasesInput()
    {
        var planner = new ScriptedPlanner(async (_, _, token) =>
        {
            await Task.Delay(TimeSpan.FromHours(1), _time, token);
            return PlannerDecision.Finished("too late");
        });

        var result = await DriveAsync(Loop().RunAsync("tidy", planner, Screen(new LoopOptions { TimeBudget = TimeSpan.FromMinutes(5) }),
            TestContext.CancellationToken));

        Assert.AreEqual(LoopOutcome.TimeBudget, result.Outcome, result.Message);
        Assert.IsGreaterThanOrEqualTo(1, _executor.Releases);
    }

    [TestMethod]
    public async Task StepLimit_CountsEveryAttempt()
    {
        var planner = new ScriptedPlanner(_ => new PlannerDecision([Click(s_no), new PlannedAction(new ComputerAction(ActionKind.Key) { Text = "Tab" })]));

        var result = await Loop().RunAsync("tidy", planner, Screen(new LoopOptions { MaxSteps = 5 }), TestContext.CancellationToken);

        Assert.AreEqual(LoopOutcome.StepLimit, result.Outcome);
        Assert.HasCount(5, _executor.Executed);
    }

    [TestMethod]
    public async Task Ungated_RunsAnIrreversibleStepWithoutAsking_AndTheJournalSaysSo()
    {
        var planner = new ScriptedPlanner(turn => turn == 0 ? new PlannerDecision([Click(s_yes)]) : PlannerDecision.Finished("deleted"));

        var result = await Loop().RunAsync("tidy", planner, Screen(new LoopOptions { Ungated = true }), TestContext.CancellationToken);

        Assert.IsEmpty(_asked);
        Assert.AreEqual(StepDecision.Ungated, result.Steps[0].Decision);
        Assert.AreEqual("ungated", (string?)Entries()[0]["decision"]);
    }
}
