namespace Dispatch.Agent.LocalApi;

/// <summary>How a recipe run ended: the loop's reply, and the recipe's own verdict.</summary>
/// <param name="TaskId">The run's id in the event stream.</param>
/// <param name="Outcome">Why the loop ended, in the journal's words (done, stopped, step_limit, time_budget…).</param>
/// <param name="RecipeOutcome">completed, held (a step held and not approved) or failed.</param>
/// <param name="Message">Which step ended the run (file:line) and why, or that every step ran; secrets redacted.</param>
/// <param name="StepsCompleted">How many of the recipe's steps finished.</param>
/// <param name="Variables">What read steps read, by variable name.</param>
/// <param name="Steps">Every action the loop ran or held, in order.</param>
/// <param name="Journal">The journal the actions were written to.</param>
public sealed record RecipeReply(Guid TaskId, string Outcome, string RecipeOutcome, string Message, int StepsCompleted, IReadOnlyDictionary<string, string> Variables,
    IReadOnlyList<StepDto> Steps, string Journal)
{
    /// <summary>The run was stopped (cancelled, the client went away) or ran out of time.</summary>
    public bool Interrupted => Outcome is "stopped" or "time_budget";
}
