namespace Dispatch.Engine.Loop;

/// <summary>Decides the next actions from the screen and the history: a model, a recipe, or a script.</summary>
public interface IPlanner
{
    /// <summary>The next actions, or done, or a question for the person.</summary>
    Task<PlannerDecision> NextAsync(PlannerContext context, CancellationToken cancellationToken);
}
