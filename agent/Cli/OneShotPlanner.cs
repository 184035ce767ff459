using Dispatch.Engine.Actions;
using Dispatch.Engine.Loop;

namespace Dispatch.Agent.Cli;

/// <summary>The planner of a one-action command: plans the action, then says done.</summary>
internal sealed class OneShotPlanner(ComputerAction action) : IPlanner
{
    private bool _planned;

    public Task<PlannerDecision> NextAsync(PlannerContext context, CancellationToken cancellationToken)
    {
        if (_planned)
        {
            return Task.FromResult(PlannerDecision.Finished("done"));
        }
        _planned = true;
        return Task.FromResult(new PlannerDecision([new PlannedAction(action)]));
    }
}
