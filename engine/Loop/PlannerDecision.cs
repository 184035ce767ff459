namespace Dispatch.Engine.Loop;

/// <summary>What a planner wants next: actions, or that the task is done, or a question for the person.</summary>
/// <param name="Actions">Actions to run in order (empty when done or asking).</param>
/// <param name="Done">True when the task is complete.</param>
/// <param name="Question">A question for the person; the loop stops and returns it.</param>
/// <param name="Summary">What the planner says it did, for the person.</param>
public sealed record PlannerDecision(IReadOnlyList<PlannedAction> Actions, bool Done = false, string? Question = null, string? Summary = null)
{
    /// <summary>The task is complete.</summary>
    public static PlannerDecision Finished(string summary) => new([], Done: true, Summary: summary);
}
