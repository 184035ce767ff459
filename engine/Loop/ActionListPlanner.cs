using Dispatch.Engine.Actions;

namespace Dispatch.Engine.Loop;

/// <summary>
/// Plans a fixed list of actions as one batch, then says done: a one-action CLI command, or a scripted task. Like any
/// batch, a failure or a denial ends it and the rest is reported as not run.
/// </summary>
public sealed class ActionListPlanner : IPlanner
{
    private readonly List<PlannedAction> _actions;
    private bool _planned;

    /// <summary>Plans <paramref name="actions"/> in order.</summary>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public ActionListPlanner(IEnumerable<ComputerAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        _actions = actions.Select(a => new PlannedAction(a)).ToList();
        if (_actions.Count == 0)
        {
            throw new ArgumentException("A scripted task needs at least one action; the list given is empty.", nameof(actions));
        }
    }

    /// <inheritdoc/>
    public Task<PlannerDecision> NextAsync(PlannerContext context, CancellationToken cancellationToken)
    {
        if (_planned)
        {
            return Task.FromResult(PlannerDecision.Finished($"ran the {_actions.Count} scripted action(s)"));
        }
        _planned = true;
        return Task.FromResult(new PlannerDecision(_actions));
    }
}
