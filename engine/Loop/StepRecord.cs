using Dispatch.Engine.Actions;
using Dispatch.Engine.Safety;

namespace Dispatch.Engine.Loop;

/// <summary>One step of a run, as the planner sees its history.</summary>
/// <param name="Action">The action in the planner's coordinates.</param>
/// <param name="Risk">How it was classified; null when it failed before it could be, or was never reached.</param>
/// <param name="Decision">Who let it run or why it did not; null when it was never reached.</param>
/// <param name="Outcome">How it ended: its effect, a typed error, or not executed.</param>
/// <param name="Detail">The error, the reason it was not run, or why the person was asked again; null when there is nothing to say.</param>
/// <param name="Output">Text the action returned (the pointer position for cursor_position).</param>
public sealed record StepRecord(ComputerAction Action, RiskAssessment? Risk, StepDecision? Decision, StepOutcome Outcome, string? Detail = null, string? Output = null)
{
    /// <summary>True when the step was let through and carried out (successfully or not); false when it failed before, was held, or never reached.</summary>
    public bool Ran => Decision is StepDecision.Allowed or StepDecision.Approved or StepDecision.Ungated && Outcome != StepOutcome.NotExecuted;

    /// <summary>True when the step did what it was for: carried out without error (or only classified, in a dry run).</summary>
    public bool Succeeded => Decision == StepDecision.DryRun || Ran && Outcome is StepOutcome.Changed or StepOutcome.NoVisibleChange or StepOutcome.Observed;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Action}: {(Decision is { } d ? Journal.JournalWords.Of(d) + ", " : "")}{Journal.JournalWords.Of(Outcome)}{(Detail is null ? "" : " — " + Detail)}";
}
