namespace Dispatch.Agent.LocalApi;

/// <summary>One report of a watch: the first says what is watched and how; each later one, what changed.</summary>
/// <param name="Time">When it was seen.</param>
/// <param name="Area">The watched area.</param>
/// <param name="Source">How changes are noticed: <c>damage events</c> or <c>a polled screen</c>.</param>
/// <param name="Changed">The changed rectangles; empty in the first report.</param>
public sealed record WatchEvent(DateTimeOffset Time, BoundsDto Area, string Source, IReadOnlyList<BoundsDto> Changed);
