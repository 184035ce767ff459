using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Capture;

/// <summary>
/// Reports which screen areas the display server redrew (X11 DAMAGE), so an idle screen costs nothing to watch
/// and only redrawn areas need comparing. A redraw may leave pixels unchanged; confirm with <see cref="FrameDiff"/>.
/// </summary>
public abstract class DamageMonitor : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<DamageSubscription> _subscriptions = [];
    private Exception? _failure;

    /// <summary>Starts collecting the damage that touches <paramref name="region"/> (screen coordinates).</summary>
    public DamageSubscription Subscribe(Rect region)
    {
        var subscription = new DamageSubscription(this, region);
        lock (_lock)
        {
            if (_failure is not null)
            {
                subscription.Fail(_failure);
            }
            _subscriptions.Add(subscription);
        }
        return subscription;
    }

    internal void Unsubscribe(DamageSubscription subscription)
    {
        lock (_lock)
        {
            _subscriptions.Remove(subscription);
        }
    }

    /// <summary>Hands a redrawn rectangle to every subscription it touches. Called by the platform's event thread.</summary>
    protected void Publish(Rect damaged)
    {
        lock (_lock)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Post(damaged);
            }
        }
    }

    /// <summary>Makes every present and future subscription throw <paramref name="failure"/> (e.g. the display went away).</summary>
    protected void FailAll(Exception failure)
    {
        lock (_lock)
        {
            _failure = failure;
            foreach (var subscription in _subscriptions)
            {
                subscription.Fail(failure);
            }
        }
    }

    /// <summary>Stops watching; subscriptions receive nothing more.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the platform's resources.</summary>
    protected abstract void Dispose(bool disposing);
}
