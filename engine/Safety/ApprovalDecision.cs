namespace Dispatch.Engine.Safety;

/// <summary>The answer to an approval request.</summary>
/// <param name="Outcome">Approved, denied or timed out.</param>
/// <param name="By">Who answered (a person and device, or "timeout").</param>
/// <param name="At">When.</param>
public sealed record ApprovalDecision(ApprovalOutcome Outcome, string By, DateTimeOffset At)
{
    /// <summary>True only for an explicit approval.</summary>
    public bool IsApproved => Outcome == ApprovalOutcome.Approved;
}
