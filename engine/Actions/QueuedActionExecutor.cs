namespace Dispatch.Engine.Actions;

/// <summary>
/// The input queue of one display: steps of concurrent tasks or clients are carried out one at a time, each with its settle
/// wait, so their keys never interleave and a modifier one holds never reaches another's input. Only acting waits in line;
/// resolving, classifying and waiting for a person's answer do not hold it.
/// </summary>
public sealed class QueuedActionExecutor(IActionExecutor inner) : IActionExecutor, IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Acts when it is this step's turn; cancelling while waiting in line leaves the queue as it was.</summary>
    public async Task<StepResult> ExecuteAsync(ResolvedStep step, CancellationToken cancellationToken = default)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await inner.ExecuteAsync(step, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped mid-step (its client went away, its task was stopped): let go while it is still this step's turn.
            inner.ReleaseAll();
            throw;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <inheritdoc/>
    public Task<Observation> ObserveAsync(CancellationToken cancellationToken = default) => inner.ObserveAsync(cancellationToken);

    /// <summary>
    /// Lets go of every key and button when no step is acting. A step that is acting belongs to another task, whose keys are
    /// not this caller's to drop; it lets go itself when it ends or is stopped (see <see cref="ExecuteAsync"/>).
    /// </summary>
    public void ReleaseAll()
    {
        bool idle;
        try
        {
            idle = _turn.Wait(0);
        }
        catch (ObjectDisposedException)
        {
            // The engine was closed (an emergency stop may come from another thread just after): nobody acts any more.
            inner.ReleaseAll();
            return;
        }
        if (idle)
        {
            try
            {
                inner.ReleaseAll();
            }
            finally
            {
                _turn.Release();
            }
        }
    }

    /// <summary>Waits for the step that is acting (another task's) to end, then lets go of every key and button.</summary>
    public async Task ReleaseAllAsync(CancellationToken cancellationToken = default)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            inner.ReleaseAll();
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _turn.Dispose();
}
