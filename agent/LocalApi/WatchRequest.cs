namespace Dispatch.Agent.LocalApi;

/// <summary>Report the screen areas that change, as they change.</summary>
/// <param name="Region">x,y,width,height to watch; null for the whole screen.</param>
/// <param name="DurationSeconds">Stop after this long; 0 watches until cancelled.</param>
public sealed record WatchRequest(string? Region, double DurationSeconds);
