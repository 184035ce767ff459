using Dispatch.Engine;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Journal;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Loop;
using Dispatch.Engine.Safety;
using Dispatch.Engine.Vision;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Desktop.Tests;

/// <summary>The whole step pipeline on a test desktop: resolver, policy, gate (asking a scripted person), executor and a journal.</summary>
internal sealed class GatedDesktop : IDisposable
{
    private readonly ServiceProvider _engine;

    public GatedDesktop(TestDesktop desktop, string journalPath)
    {
        Desktop = desktop;
        // The engine as the host and the CLI build it, over the test's own desktop.
        _engine = new ServiceCollection().AddSingleton<IDesktop>(desktop.Desktop).AddDispatchEngine(new EngineOptions { JournalPath = journalPath })
            .BuildServiceProvider();
        Ocr = _engine.GetRequiredService<OcrEngine>();
        Finder = _engine.GetRequiredService<ElementFinder>();
        Resolver = (StepResolver)_engine.GetRequiredService<IStepResolver>();
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
        var loop = _engine.GetRequiredService<AgentLoopFactory>().Create(phone, approvalTimeout ?? TimeSpan.FromSeconds(30), _engine.GetRequiredService<ActionJournal>());
        started?.Invoke(loop);
        return await loop.RunAsync("tidy the invoices", planner, options ?? new LoopOptions { MaxSteps = 5, ScreenCoordinates = true }, cancellationToken);
    }

    /// <summary>A planner that proposes <paramref name="actions"/> as one batch, then says it is done.</summary>
    public static ScriptedPlanner Batch(params ComputerAction[] actions) =>
        new((_, turn) => turn == 0 ? new PlannerDecision([.. actions.Select(a => new PlannedAction(a))]) : PlannerDecision.Finished("done"));

    public void Dispose() => _engine.Dispose();
}
