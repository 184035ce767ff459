using Dispatch.Engine.Actions;

namespace Dispatch.Engine.Safety;

/// <summary>What the approval gate decided for a step, and the step to carry out when approved.</summary>
/// <param name="Decision">Approved, or why not.</param>
/// <param name="By">Who decided: a person and device, "timeout", or the gate itself.</param>
/// <param name="At">When.</param>
/// <param name="Asks">How many times the person was asked.</param>
/// <param name="Step">
/// The step as perceived last, just before acting: the one to carry out when approved (its identity matched the
/// approved one). The caller owns it (it may be the step passed in).
/// </param>
/// <param name="Risk">How the policy classified <paramref name="Step"/>.</param>
/// <param name="Detail">Why the gate asked again or gave up, or null.</param>
public sealed record GateResult(StepDecision Decision, string By, DateTimeOffset At, int Asks, ResolvedStep Step, RiskAssessment Risk, string? Detail)
{
    /// <summary>True only when a person approved this exact step.</summary>
    public bool IsApproved => Decision == StepDecision.Approved;
}
