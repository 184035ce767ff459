using Dispatch.Engine.Safety;

namespace Dispatch.Desktop.Tests;

/// <summary>A person on a phone, scripted: records every request and answers with the given function.</summary>
internal sealed class ScriptedApprovalChannel(Func<ApprovalRequest, CancellationToken, Task<ApprovalDecision>> answer) : IApprovalChannel
{
    public List<ApprovalRequest> Requests { get; } = [];

    public Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return answer(request, cancellationToken);
    }

    public static ApprovalDecision Say(ApprovalOutcome outcome) => new(outcome, "test person on phone", DateTimeOffset.UtcNow);
}
