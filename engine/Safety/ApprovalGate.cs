using Dispatch.Engine.Actions;
using Dispatch.Engine.Vision;

namespace Dispatch.Engine.Safety;

/// <summary>
/// Holds irreversible steps until a person approves them through an <see cref="IApprovalChannel"/>. No answer before
/// <see cref="Timeout"/> is a no, and so is an answer that comes later. Just before acting, the same step is perceived
/// again (its point, its element by path — never a new search); when its identity is not the one approved (the dialog
/// moved, another window covers it, the text changed), the person is asked again about what would now happen.
/// </summary>
public sealed class ApprovalGate
{
    private readonly IApprovalChannel _channel;
    private readonly IStepResolver _resolver;
    private readonly RiskPolicy _policy;
    private readonly TimeProvider _time;

    /// <summary>Creates a gate that asks through <paramref name="channel"/> and re-perceives steps with <paramref name="resolver"/>.</summary>
    public ApprovalGate(IApprovalChannel channel, IStepResolver resolver, RiskPolicy policy, TimeProvider? time = null)
    {
        _channel = channel ?? throw new ArgumentNullException(nameof(channel));
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How long a person has to answer (default 2 minutes).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many times to ask when the target keeps changing after approval; then the step is not carried out.</summary>
    public int MaxAsks { get; set; } = 3;

    /// <summary>
    /// Asks for <paramref name="step"/> (classified as <paramref name="risk"/>) and returns the decision with the step to
    /// carry out, which was perceived again after the last approval and matched it.
    /// </summary>
    /// <param name="task">The task, shown to the person.</param>
    /// <param name="step">The resolved step.</param>
    /// <param name="risk">Its classification.</param>
    /// <param name="requested">The risk its planner asked for (kept when the step is classified again).</param>
    /// <param name="markedSecret">Its planner marked the typed value secret.</param>
    /// <param name="cancellationToken">Cancels waiting for the person.</param>
    public async Task<GateResult> AuthorizeAsync(string task, ResolvedStep step, RiskAssessment risk, RiskLevel requested = RiskLevel.Harmless,
        bool markedSecret = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(risk);
        var current = step;
        string? detail = null;
        try
        {
            for (var ask = 1; ; ask++)
            {
                var answer = await AskAsync(task, current, risk, detail, cancellationToken).ConfigureAwait(false);
                if (answer.Outcome != ApprovalOutcome.Approved)
                {
                    var decision = answer.Outcome switch
                    {
                        ApprovalOutcome.TimedOut => StepDecision.TimedOut,
                        ApprovalOutcome.Late => StepDecision.Late,
                        ApprovalOutcome.Unreachable => StepDecision.Unreachable,
                        _ => StepDecision.Denied,
                    };
                    return new GateResult(decision, answer.By, answer.At, ask, current, risk, detail);
                }
                var again = await _resolver.ResolveAgainAsync(current, cancellationToken).ConfigureAwait(false);
                var changed = again.Failure is not null ? null : Explain(current, again);
                if (again.Failure is not null || changed is null)
                {
                    // Either it still is what was approved, or it can no longer be done (the executor reports the failure).
                    Release(current, step);
                    current = again;
                    return new GateResult(StepDecision.Approved, answer.By, answer.At, ask, again, risk, detail);
                }
                Release(current, step);
                current = again;
                risk = _policy.Classify(again.Action, again.Target, requested, markedSecret);
                detail = $"asked again: {changed}";
                if (ask >= MaxAsks)
                {
                    return new GateResult(StepDecision.TargetChanged, "gate", _time.GetUtcNow(), ask, current, risk,
                        $"the target changed after each of {ask} approvals ({changed})");
                }
            }
        }
        catch
        {
            // The caller owns the step it passed; the ones perceived here die with the failure.
            Release(current, step);
            throw;
        }
    }

    private static string? Explain(ResolvedStep approved, ResolvedStep now) =>
        approved.Identity is { } before && now.Identity is { } after ? before.Explain(after) : approved.Identity is null && now.Identity is null ? null : "the target appeared or vanished";

    /// <summary>Disposes a step the gate perceived itself once a newer one replaces it (the caller owns the first).</summary>
    private static void Release(ResolvedStep current, ResolvedStep original)
    {
        if (!ReferenceEquals(current, original))
        {
            current.Dispose();
        }
    }

    private async Task<ApprovalDecision> AskAsync(string task, ResolvedStep step, RiskAssessment risk, string? detail, CancellationToken cancellationToken)
    {
        var screenshot = step.Screen is { } frame
            ? Annotator.AnnotatePng(frame, step.Target.Bounds is { } bounds ? [new ScreenAnnotation(bounds, risk.Sentence, IsPrimary: true)] : [])
            : [];
        var shown = risk.IsSecret ? Journal.ActionJournal.Redact(step.Action) : step.Action;
        var expires = _time.GetUtcNow() + Timeout;
        var reason = detail is null ? risk.Reason : $"{risk.Reason} ({detail})";
        var request = new ApprovalRequest(Guid.NewGuid(), task, risk.Sentence, reason, ComputerActionJson.Write(shown), step.Target.Application,
            step.Target.WindowTitle, screenshot, step.Identity?.Fingerprint ?? "", expires);
        using var expiry = new CancellationTokenSource(Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(expiry.Token, cancellationToken);
        ApprovalDecision answer;
        try
        {
            answer = await _channel.RequestAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (expiry.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ApprovalDecision(ApprovalOutcome.TimedOut, "timeout", _time.GetUtcNow());
        }
        // A channel that answers after the deadline (or ignores cancellation) must not turn a no into a yes.
        return answer.IsApproved && _time.GetUtcNow() > expires ? answer with { Outcome = ApprovalOutcome.Late } : answer;
    }
}
