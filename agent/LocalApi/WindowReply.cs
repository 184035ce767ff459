namespace Dispatch.Agent.LocalApi;

/// <summary>The window a request was about, as it is now, and how long the request took (a wait's whole time).</summary>
/// <param name="Window">The window.</param>
/// <param name="ElapsedMilliseconds">From the request to its answer.</param>
/// <param name="Closed">The window is gone (after a close).</param>
public sealed record WindowReply(WindowDto Window, double ElapsedMilliseconds, bool Closed = false);
