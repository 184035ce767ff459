using Dispatch.Engine.Loop;

namespace Dispatch.Desktop.Tests;

/// <summary>A planner that answers each turn from a script: the tests' stand-in for a model.</summary>
internal sealed class ScriptedPlanner(Func<PlannerContext, int, Task<PlannerDecision>> script) : IPlanner
{
    private int _turn;

    /// <summary>A script that decides without looking anything up.</summary>
    public ScriptedPlanner(Func<PlannerContext, int, PlannerDecision> script) : this((context, turn) => Task.FromResult(script(context, turn)))
    {
    }

    public Task<PlannerDecision> NextAsync(PlannerContext context, CancellationToken cancellationToken) => script(context, _turn++);
}
