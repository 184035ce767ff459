namespace Dispatch.Engine.Safety;

/// <summary>
/// Where a person approves or denies held actions: the phone (agent) or a console prompt (CLI) — never anything
/// on the desktop being driven, which the automation itself could click.
/// </summary>
public interface IApprovalChannel
{
    /// <summary>Shows the request and returns the person's answer; cancelled when the request expires.</summary>
    Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken);
}
