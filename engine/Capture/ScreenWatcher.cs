using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Capture;

/// <summary>
/// Waits for the screen to settle or to change instead of sleeping. With damage reports, an idle screen costs
/// nothing and only redrawn areas are compared; without them the region is captured and compared every
/// <see cref="PollInterval"/>. Either way a redraw counts as a change only when pixels differ.
/// </summary>
public sealed class ScreenWatcher
{
    private readonly IScreen _screen;
    private readonly DamageMonitor? _damage;
    private readonly TimeProvider _time;

    /// <summary>Creates a watcher over <paramref name="screen"/>, driven by <paramref name="damage"/> when given.</summary>
    public ScreenWatcher(IScreen screen, DamageMonitor? damage, TimeProvider? time = null)
    {
        _screen = screen ?? throw new ArgumentNullException(nameof(screen));
        _damage = damage;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// When true (the default), a change made only of thin rectangles no wider than <see cref="CaretMaxWidth"/>
    /// and no taller than <see cref="CaretMaxHeight"/> — a blinking text caret — is not counted.
    /// </summary>
    public bool IgnoreCaretBlink { get; set; } = true;

    /// <summary>The default of <see cref="CaretMaxWidth"/>: a text caret is 1–3 pixels wide.</summary>
    public const int DefaultCaretMaxWidth = 3;

    /// <summary>The default of <see cref="CaretMaxHeight"/>.</summary>
    public const int DefaultCaretMaxHeight = 64;

    /// <summary>The widest change, in pixels, taken for a caret.</summary>
    public int CaretMaxWidth { get; set; } = DefaultCaretMaxWidth;

    /// <summary>The tallest change, in pixels, taken for a caret.</summary>
    public int CaretMaxHeight { get; set; } = DefaultCaretMaxHeight;

    /// <summary>How often the screen is compared when no damage reports are available.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Waits until <paramref name="region"/> has not changed for <paramref name="quietPeriod"/>, or until
    /// <paramref name="timeout"/> (reported as <see cref="WaitOutcome.TimedOut"/>, not thrown).
    /// </summary>
    /// <param name="region">Screen area; null for the whole screen.</param>
    /// <param name="quietPeriod">How long nothing may change.</param>
    /// <param name="timeout">The longest the wait may take.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<WaitReport> WaitForStableAsync(Rect? region, TimeSpan quietPeriod, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quietPeriod, TimeSpan.Zero);
        return WaitAsync(Validate(region, timeout), baseline: null, quietPeriod, cancellationToken);
    }

    /// <summary>
    /// Waits until <paramref name="region"/> differs from how it looked when the wait began (or from
    /// <paramref name="baseline"/>, captured before an action, so a change that came quickly is not missed).
    /// </summary>
    /// <param name="region">Screen area; null for the whole screen (or the baseline's bounds).</param>
    /// <param name="timeout">The longest the wait may take; the report says <see cref="WaitOutcome.TimedOut"/> when nothing changed.</param>
    /// <param name="baseline">The picture to compare against; null captures one now. Not disposed by the wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<WaitReport> WaitForChangeAsync(Rect? region, TimeSpan timeout, Frame? baseline = null, CancellationToken cancellationToken = default)
    {
        var target = Validate(region ?? baseline?.Bounds, timeout);
        if (baseline is not null && !baseline.Bounds.Contains(target.Region))
        {
            throw new ArgumentOutOfRangeException(nameof(baseline), baseline.Bounds, $"The baseline frame must cover the watched region {target.Region}.");
        }
        return WaitAsync(target, baseline, quietPeriod: null, cancellationToken);
    }

    private (Rect Region, TimeSpan Timeout) Validate(Rect? region, TimeSpan timeout)
    {
        var area = region ?? _screen.Bounds;
        if (area.IsEmpty || !_screen.Bounds.Contains(area))
        {
            throw new ArgumentOutOfRangeException(nameof(region), area, $"The watched region {area} must be non-empty and inside the screen {_screen.Bounds}.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        return (area, timeout);
    }

    private async Task<WaitReport> WaitAsync((Rect Region, TimeSpan Timeout) target, Frame? baseline, TimeSpan? quietPeriod, CancellationToken cancellationToken)
    {
        var (region, timeout) = target;
        var start = _time.GetTimestamp();
        using var subscription = _damage?.Subscribe(region);
        var reference = baseline is null ? _screen.Capture(region) : null;
        var ownsReference = reference is not null;
        reference ??= baseline!;
        var changes = new List<Rect>();
        var changeCount = 0;
        var lastChange = start;
        var compareWholeRegion = baseline is not null;
        try
        {
            while (true)
            {
                var now = _time.GetTimestamp();
                if (quietPeriod is { } quiet && _time.GetElapsedTime(lastChange, now) >= quiet)
                {
                    return Report(WaitOutcome.Stable);
                }
                if (quietPeriod is null && changeCount > 0)
                {
                    return Report(WaitOutcome.Changed);
                }
                var remaining = timeout - _time.GetElapsedTime(start, now);
                if (remaining <= TimeSpan.Zero)
                {
                    return Report(WaitOutcome.TimedOut);
                }
                if (quietPeriod is { } q)
                {
                    remaining = TimeSpan.FromTicks(Math.Min(remaining.Ticks, (q - _time.GetElapsedTime(lastChange, now)).Ticks));
                }

                Rect compareArea;
                if (compareWholeRegion)
                {
                    // A caller's baseline predates this wait, so the change may already be on screen with no damage to come.
                    compareWholeRegion = false;
                    compareArea = region;
                }
                else if (subscription is not null)
                {
                    if (!await WaitForDamageAsync(subscription, remaining, cancellationToken).ConfigureAwait(false))
                    {
                        continue;
                    }
                    compareArea = subscription.Take().Aggregate(default(Rect), static (acc, r) => acc.Union(r));
                    if (compareArea.IsEmpty)
                    {
                        continue;
                    }
                }
                else
                {
                    await Task.Delay(TimeSpan.FromTicks(Math.Min(remaining.Ticks, PollInterval.Ticks)), _time, cancellationToken).ConfigureAwait(false);
                    compareArea = region;
                }

                var current = _screen.Capture(region);
                var difference = FrameDiff.Compare(reference, current, compareArea);
                var counted = difference.Changed.Where(r => !IsCaret(r)).ToList();
                if (counted.Count == 0)
                {
                    current.Dispose();
                    continue;
                }
                changeCount++;
                changes.AddRange(counted);
                lastChange = _time.GetTimestamp();
                if (ownsReference)
                {
                    reference.Dispose();
                }
                reference = current;
                ownsReference = true;
            }
        }
        finally
        {
            if (ownsReference)
            {
                reference.Dispose();
            }
        }

        WaitReport Report(WaitOutcome outcome) =>
            new(outcome, region, _time.GetElapsedTime(start), FrameDiff.MergeOverlapping(changes), changeCount, subscription is not null);
    }

    private async Task<bool> WaitForDamageAsync(DamageSubscription subscription, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            await subscription.WaitAsync(linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private bool IsCaret(Rect change) => IgnoreCaretBlink && change.Width <= CaretMaxWidth && change.Height <= CaretMaxHeight;
}
