using Dispatch.Engine.Actions;
using Dispatch.Engine.Journal;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Loop;
using Dispatch.Engine.Safety;
using Dispatch.Engine.Vision;

namespace Dispatch.Desktop.Tests;

/// <summary>The whole step pipeline on a test desktop: resolver, policy, gate (asking a scripted person), executor and a journal.</summary>
internal sealed class GatedDesktop : IDisposable
{
    public GatedDesktop(TestDesktop desktop, string journalPath)
    {
        Desktop = desktop;
        Ocr = new OcrEngine();
        Finder = new ElementFinder(desktop.Desktop, Ocr);
        Resolver = new StepResolver(desktop.Desktop, Finder, Ocr);
        JournalPath = journalPath;
    }

    public TestDesktop Desktop { get; }

    public OcrEngine Ocr { get; }

    public ElementFinder Finder { get; }

    public StepResolver Resolver { get; }

    public string JournalPath { get; }

    /// <summary>Runs <paramref name="planner"/> with <paramref name="phone"/> answering; screen coordinates unless told otherwise.</summary>
    public async Task<LoopResult> RunAsync(IPlanner planner, IApprovalChannel phone, TimeSpan? approvalTimeout = null, LoopOptions? options = null,
        Action<AgentLoop>? started = null, CancellationToken cancellationToken = default)
    {
        var policy = new RiskPolicy();
        var gate = new ApprovalGate(phone, Resolver, policy) { Timeout = approvalTimeout ?? TimeSpan.FromSeconds(30) };
        using var journal = ActionJournal.Open(JournalPath);
        var loop = new AgentLoop(Resolver, policy, gate, new ActionExecutor(Desktop.Desktop), journal);
        started?.Invoke(loop);
        return await loop.RunAsync("tidy the invoices", planner, options ?? new LoopOptions { MaxSteps = 5, ScreenCoordinates = true }, cancellationToken);
    }

    /// <summary>A planner that proposes <paramref name="actions"/> as one batch, then says it is done.</summary>
    public static ScriptedPlanner Batch(params ComputerAction[] actions) =>
        new((_, turn) => turn == 0 ? new PlannerDecision([.. actions.Select(a => new PlannedAction(a))]) : PlannerDecision.Finished("done"));

    public void Dispose() => Ocr.Dispose();
}
