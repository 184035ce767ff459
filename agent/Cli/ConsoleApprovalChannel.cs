using Dispatch.Engine.Safety;

namespace Dispatch.Agent.Cli;

/// <summary>
/// Asks on the terminal that started <c>dispatch act</c> (not on the desktop being driven): shows the sentence,
/// the reason and where the highlighted screenshot was saved, and takes y or n. No answer in time is no.
/// </summary>
internal sealed class ConsoleApprovalChannel : IApprovalChannel
{
    public async Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        var screenshot = Path.Combine(Path.GetTempPath(), $"dispatch-approval-{request.Id:N}.png");
        await File.WriteAllBytesAsync(screenshot, request.Screenshot, cancellationToken);
        Console.WriteLine($"Held for approval: {request.Sentence}");
        Console.WriteLine($"  why: {request.Reason}");
        Console.WriteLine($"  app: {request.Application ?? "?"}, window: {request.WindowTitle ?? "?"}");
        Console.WriteLine($"  target highlighted in: {screenshot}");
        Console.Write($"Approve? [y/N] (no answer by {request.Expires.ToLocalTime():HH:mm:ss} means no) ");
        var answer = await Console.In.ReadLineAsync(cancellationToken);
        var approved = answer?.Trim().Equals("y", StringComparison.OrdinalIgnoreCase) == true
            || answer?.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase) == true;
        return new ApprovalDecision(approved ? ApprovalOutcome.Approved : ApprovalOutcome.Denied, $"console ({Environment.UserName})", DateTimeOffset.UtcNow);
    }
}
