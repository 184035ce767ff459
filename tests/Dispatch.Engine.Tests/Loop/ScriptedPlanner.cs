using Dispatch.Engine.Loop;

namespace Dispatch.Engine.Tests.Loop;

/// <summary>A planner answering each turn from a script, keeping every context it was shown.</summary>
internal sealed class ScriptedPlanner(Func<PlannerContext, int, CancellationToken, Task<PlannerDecision>> script) : IPlanner
{
    private int _turn;

    public ScriptedPlanner(Func<int, PlannerDecision> script) : this((_, turn, _) => Task.FromResult(script(turn)))
    {
    }

    public List<IReadOnlyList<StepRecord>> HistoriesSeen { get; } = [];

    public Task<PlannerDecision> NextAsync(PlannerContext context, CancellationToken cancellationToken)
    {
        HistoriesSeen.Add([.. context.History]);
        return script(context, _turn++, cancellationToken);
    }
}
