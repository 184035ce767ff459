using Dispatch.Engine.Actions;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Vision;

namespace Dispatch.Engine.Safety;

/// <summary>
/// Holds irreversible actions until a person approves them through an <see cref="IApprovalChannel"/>. No answer
/// before <see cref="Timeout"/> is a no. Just before acting, the target is fingerprinted again; when it is not
/// the one approved (the dialog moved, the text changed), the person is asked again.
/// </summary>
public sealed class ApprovalGate
{
    private readonly Desktop _desktop;
    private readonly IApprovalChannel _channel;
    private readonly ActionTargetResolver _targets;
    private readonly TimeProvider _time;

    /// <summary>Creates a gate that asks through <paramref name="channel"/>.</summary>
    public ApprovalGate(Desktop desktop, IApprovalChannel channel, ActionTargetResolver targets, TimeProvider? time = null)
    {
        _desktop = desktop ?? throw new ArgumentNullException(nameof(desktop));
        _channel = channel ?? throw new ArgumentNullException(nameof(channel));
        _targets = targets ?? throw new ArgumentNullException(nameof(targets));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How long a person has to answer (default 2 minutes).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many times to ask again when the target keeps changing after approval.</summary>
    public int MaxAsks { get; set; } = 3;

    /// <summary>
    /// Asks for <paramref name="action"/> on <paramref name="target"/> and returns the decision once the approved
    /// target is still the one on screen (read again with <paramref name="resolveAgain"/>), with how many times it asked.
    /// </summary>
    public async Task<(ApprovalDecision Decision, int Asks)> AuthorizeAsync(
        string task, ComputerAction action, RiskAssessment risk, ActionTarget target, Func<ActionTarget> resolveAgain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(resolveAgain);
        var fingerprint = _targets.Fingerprint(action, target);
        for (var ask = 1; ; ask++)
        {
            var decision = await AskAsync(task, action, risk, target, fingerprint, cancellationToken).ConfigureAwait(false);
            if (!decision.IsApproved)
            {
                return (decision, ask);
            }
            target = resolveAgain();
            var now = _targets.Fingerprint(action, target);
            if (now == fingerprint)
            {
                return (decision, ask);
            }
            if (ask >= MaxAsks)
            {
                return (new ApprovalDecision(ApprovalOutcome.Denied, $"gate: the target changed after each of {ask} approvals", _time.GetUtcNow()), ask);
            }
            fingerprint = now;
        }
    }

    private async Task<ApprovalDecision> AskAsync(string task, ComputerAction action, RiskAssessment risk, ActionTarget target, string fingerprint,
        CancellationToken cancellationToken)
    {
        byte[] screenshot;
        using (var frame = _desktop.Screen.Capture())
        {
            var highlight = target.Bounds is { } bounds ? [new ScreenAnnotation(bounds, risk.Sentence, IsPrimary: true)] : Array.Empty<ScreenAnnotation>();
            screenshot = Annotator.AnnotatePng(frame, highlight);
        }
        var shown = risk.IsSecret ? Journal.ActionJournal.Redact(action) : action;
        var request = new ApprovalRequest(Guid.NewGuid(), task, risk.Sentence, risk.Reason, ComputerActionJson.Write(shown), target.Application,
            target.WindowTitle, screenshot, fingerprint, _time.GetUtcNow() + Timeout);
        using var expiry = new CancellationTokenSource(Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(expiry.Token, cancellationToken);
        try
        {
            return await _channel.RequestAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (expiry.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ApprovalDecision(ApprovalOutcome.TimedOut, "timeout", _time.GetUtcNow());
        }
    }
}
