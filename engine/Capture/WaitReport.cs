using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Capture;

/// <summary>What a screen wait waited for and what it saw.</summary>
/// <param name="Outcome">How the wait ended.</param>
/// <param name="Region">The screen area watched.</param>
/// <param name="Elapsed">From the start of the wait to its end.</param>
/// <param name="Changes">Every changed area seen during the wait, merged, in screen coordinates.</param>
/// <param name="ChangeCount">How many separate changes were seen (ignored caret blinks not counted).</param>
/// <param name="UsedDamage">True when the server's damage reports drove the wait; false when the screen was polled.</param>
public sealed record WaitReport(WaitOutcome Outcome, Rect Region, TimeSpan Elapsed, IReadOnlyList<Rect> Changes, int ChangeCount, bool UsedDamage)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Outcome} after {Elapsed.TotalMilliseconds:F1} ms watching {Region}: {ChangeCount} change(s){(Changes.Count > 0 ? " in " + string.Join("; ", Changes) : "")} ({(UsedDamage ? "damage events" : "polling")})";
}
