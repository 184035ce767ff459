using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Capture;

/// <summary>Damage collected for one region since it was last taken.</summary>
public sealed class DamageSubscription : IDisposable
{
    // Beyond this many pending rectangles they are folded into their bounding box, so a busy screen cannot grow the list.
    private const int MaxPending = 64;

    private readonly DamageMonitor _owner;
    private readonly Lock _lock = new();
    private readonly List<Rect> _pending = [];
    private TaskCompletionSource? _signal;
    private Exception? _failure;

    internal DamageSubscription(DamageMonitor owner, Rect region)
    {
        _owner = owner;
        Region = region;
    }

    /// <summary>The screen area watched.</summary>
    public Rect Region { get; }

    /// <summary>Completes when damage inside <see cref="Region"/> is waiting to be taken.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="DisplayUnavailableException">The display went away.</exception>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource signal;
        lock (_lock)
        {
            if (_failure is not null)
            {
                return Task.FromException(_failure);
            }
            if (_pending.Count > 0)
            {
                return Task.CompletedTask;
            }
            signal = _signal ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        return signal.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Takes the pending damage, clipped to <see cref="Region"/>; empty when there is none.</summary>
    public IReadOnlyList<Rect> Take()
    {
        lock (_lock)
        {
            if (_failure is not null)
            {
                throw _failure;
            }
            var taken = _pending.ToArray();
            _pending.Clear();
            return taken;
        }
    }

    internal void Post(Rect damaged)
    {
        var clipped = damaged.Intersect(Region);
        if (clipped.IsEmpty)
        {
            return;
        }
        TaskCompletionSource? signal;
        lock (_lock)
        {
            if (_pending.Count >= MaxPending)
            {
                var all = _pending.Aggregate(clipped, static (acc, r) => acc.Union(r));
                _pending.Clear();
                _pending.Add(all);
            }
            else
            {
                _pending.Add(clipped);
            }
            signal = _signal;
            _signal = null;
        }
        signal?.TrySetResult();
    }

    internal void Fail(Exception failure)
    {
        TaskCompletionSource? signal;
        lock (_lock)
        {
            _failure = failure;
            signal = _signal;
            _signal = null;
        }
        signal?.TrySetException(failure);
    }

    /// <summary>Stops collecting.</summary>
    public void Dispose() => _owner.Unsubscribe(this);
}
