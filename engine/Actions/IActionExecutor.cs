namespace Dispatch.Engine.Actions;

/// <summary>Carries out resolved steps on the desktop and waits for their effect.</summary>
public interface IActionExecutor
{
    /// <summary>
    /// Carries out <paramref name="step"/> at its resolved point or on its located element (never searching again) and
    /// returns the settled screen. A failure while acting (an element gone, a display error) is a result, not an exception.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; anything it held has been released.</exception>
    Task<StepResult> ExecuteAsync(ResolvedStep step, CancellationToken cancellationToken = default);

    /// <summary>A screenshot of the settled screen now (what a planner is shown first).</summary>
    Task<Observation> ObserveAsync(CancellationToken cancellationToken = default);

    /// <summary>Lets go of every key and button still held (the emergency stop). Safe from any thread.</summary>
    void ReleaseAll();

    /// <summary>
    /// Lets go of every key and button once no other step is acting (a queue waits its turn; a plain executor lets go at once):
    /// what a task does when it ends, so nothing it pressed outlives it.
    /// </summary>
    Task ReleaseAllAsync(CancellationToken cancellationToken = default)
    {
        ReleaseAll();
        return Task.CompletedTask;
    }
}
