namespace Dispatch.Agent.LocalApi;

/// <summary>What a locator found, or why nothing.</summary>
/// <param name="Found">At least one match.</param>
/// <param name="Matches">The matches, best first.</param>
/// <param name="NearMisses">The nearest candidates of each channel.</param>
/// <param name="Channels">The channels searched.</param>
/// <param name="ElapsedMilliseconds">How long the last search took.</param>
/// <param name="Miss">The explanation of a miss, naming the near misses; null when found.</param>
/// <param name="Annotated">PNG with matches outlined, when asked for.</param>
public sealed record FindReply(bool Found, IReadOnlyList<MatchDto> Matches, IReadOnlyList<MatchDto> NearMisses, IReadOnlyList<string> Channels,
    double ElapsedMilliseconds, string? Miss, byte[]? Annotated);
