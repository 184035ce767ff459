namespace Dispatch.Agent.LocalApi;

/// <summary>How a task ended.</summary>
/// <param name="TaskId">The run's id in the event stream.</param>
/// <param name="Outcome">Why it ended, in the journal's words: done, stopped, step_limit, time_budget, stuck, question.</param>
/// <param name="Message">The loop's last word.</param>
/// <param name="Steps">Every step, in order.</param>
/// <param name="Journal">The journal the steps were written to.</param>
/// <param name="Image">The screen after the last step as PNG, when asked for (a zoom's region only).</param>
public sealed record StepReply(Guid TaskId, string Outcome, string Message, IReadOnlyList<StepDto> Steps, string Journal, byte[]? Image = null)
{
    /// <summary>The task was stopped (cancelled, the client went away, the emergency stop) or ran out of time.</summary>
    public bool Interrupted => Outcome is "stopped" or "time_budget";
}
