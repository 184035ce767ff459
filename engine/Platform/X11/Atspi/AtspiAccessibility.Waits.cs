using Dispatch.Engine.Accessibility;

namespace Dispatch.Engine.Platform.X11.Atspi;

internal sealed partial class AtspiAccessibility
{
    /// <summary>
    /// Events can be missed (an application's own children-changed events are sent only to registered listeners, and a
    /// window's title changes without one), so the scope is also looked for again this often.
    /// </summary>
    private static readonly TimeSpan s_recheck = TimeSpan.FromMilliseconds(250);

    public async Task<UiTree> WaitForAsync(UiScope scope, TimeSpan timeout, WalkLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var start = _time.GetTimestamp();
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IDisposable? watch = null;
        try
        {
            // The registry announces every application that registers or leaves as ChildrenChanged on the desktop.
            watch = await _bus.WatchChildrenChangedAsync(() => Volatile.Read(ref changed).TrySetResult(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // No bus yet (its launcher is still starting): the re-checks below find the scope once it is there.
        }
        using (watch)
        {
            while (true)
            {
                string missing;
                try
                {
                    var (tree, notThere) = await TrySnapshotAsync(scope, limits, cancellationToken).ConfigureAwait(false);
                    if (tree is not null)
                    {
                        return tree;
                    }
                    missing = notThere!;
                }
                catch (AccessibilityException error)
                {
                    missing = error.Message;
                }
                var remaining = timeout - _time.GetElapsedTime(start);
                if (remaining <= TimeSpan.Zero)
                {
                    throw new AccessibilityException($"{missing} (waited {timeout.TotalSeconds:0.#} s for it to appear)");
                }
                var signal = changed.Task;
                try
                {
                    await signal.WaitAsync(remaining < s_recheck ? remaining : s_recheck, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                }
                if (signal.IsCompleted)
                {
                    Volatile.Write(ref changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                }
            }
        }
    }
}
