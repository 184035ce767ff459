using Dispatch.Engine.Input;

namespace Dispatch.Engine.Safety;

/// <summary>
/// Asks through another channel while holding the display's input, so nothing Dispatch drives can answer for the person:
/// while the question is open, no other task of the host and no other Dispatch process can type "y" into the terminal
/// window that shows it, click the phone page open in a browser on this desktop, or press Return in a dialog. Real
/// keyboards and mice are not held. Other tasks' steps wait until the answer (asking is otherwise outside the input
/// queue: resolving and classifying do not hold it).
/// </summary>
public sealed class InputHeldWhileAsking(IApprovalChannel inner, IInput input, TimeProvider time) : IApprovalChannel
{
    /// <summary>
    /// Takes the display's input, then asks. When another process keeps the input past its lock timeout, nobody is
    /// asked and the action is refused as <see cref="ApprovalOutcome.Unreachable"/>: asking without the input held is
    /// exactly what this prevents.
    /// </summary>
    public async Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IDisposable held;
        try
        {
            held = await input.LockAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InputBusyException busy)
        {
            return new ApprovalDecision(ApprovalOutcome.Unreachable, $"not asked: the display's input could not be held while asking ({busy.Message})", time.GetUtcNow());
        }
        using (held)
        {
            return await inner.RequestAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
