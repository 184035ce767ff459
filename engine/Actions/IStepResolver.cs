namespace Dispatch.Engine.Actions;

/// <summary>Perceives what a step would act on, once, and again just before acting (without searching again).</summary>
public interface IStepResolver
{
    /// <summary>
    /// Resolves <paramref name="action"/> (screen coordinates): runs its locator once, reads the window and element at
    /// its point in stacking order, checks an element is actionable, and fingerprints the target. A miss, an element
    /// that is not actionable or a point off the screen is a <see cref="ResolvedStep.Failure"/>, not an exception.
    /// </summary>
    Task<ResolvedStep> ResolveAsync(ComputerAction action, CancellationToken cancellationToken = default);

    /// <summary>
    /// Perceives <paramref name="step"/>'s target again, now: the same point, the same element (found again by its
    /// accessibility path, never by its locator). Compare the identities to know whether it is still the same step.
    /// </summary>
    Task<ResolvedStep> ResolveAgainAsync(ResolvedStep step, CancellationToken cancellationToken = default);
}
