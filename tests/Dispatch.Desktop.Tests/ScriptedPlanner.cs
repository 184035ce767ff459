using Dispatch.Engine.Loop;

namespace Dispatch.Desktop.Tests;

/// <summary>A planner that answers each turn from a script: the tests' stand-in for a model.</summary>
internal sealed class ScriptedPlanner(Func<PlannerContext, int, PlannerDecision> script) : IPlanner
{
    private int _turn;

    public Task<PlannerDecision> NextAsync(PlannerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(script(context, _turn++));
}
