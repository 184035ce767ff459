namespace Dispatch.Engine.Locators;

/// <summary>Whether an element can be clicked now, and if not, which check failed.</summary>
/// <param name="IsActionable">True when every check passed.</param>
/// <param name="FailedCheck">The first check that failed: <c>visible</c>, <c>enabled</c>, <c>on top</c>, <c>still there</c> or <c>not moving</c>.</param>
/// <param name="Detail">What was seen, for people.</param>
public sealed record ActionabilityReport(bool IsActionable, string? FailedCheck, string Detail)
{
    /// <inheritdoc/>
    public override string ToString() => IsActionable ? "actionable" : $"not actionable ({FailedCheck}): {Detail}";
}
