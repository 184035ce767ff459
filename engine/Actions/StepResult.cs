namespace Dispatch.Engine.Actions;

/// <summary>What carrying out a step did: the screen afterwards, and the failure when it failed. Owns the observation: dispose it.</summary>
/// <param name="Observation">The settled screen afterwards (also after a failure, so the planner sees what is there).</param>
/// <param name="Failure">Why it failed, or null when it ran.</param>
public sealed record StepResult(Observation Observation, StepFailure? Failure) : IDisposable
{
    /// <summary>How it ended, as the journal says it.</summary>
    public StepOutcome Outcome => Failure?.Outcome ?? Observation.Effect switch
    {
        ActionEffect.Changed => StepOutcome.Changed,
        ActionEffect.NoVisibleChange => StepOutcome.NoVisibleChange,
        ActionEffect.Observed => StepOutcome.Observed,
        _ => StepOutcome.NotExecuted,
    };

    /// <summary>Disposes the observation.</summary>
    public void Dispose() => Observation.Dispose();
}
