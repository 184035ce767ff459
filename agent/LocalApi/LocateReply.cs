namespace Dispatch.Agent.LocalApi;

/// <summary>The one element found.</summary>
/// <param name="Match">The element.</param>
/// <param name="Text">Its text, when asked for.</param>
/// <param name="TextSource">Where the text came from: accessible text, accessible name, ocr.</param>
/// <param name="ElapsedMilliseconds">The whole search, waits included.</param>
public sealed record LocateReply(MatchDto Match, string? Text, string? TextSource, double ElapsedMilliseconds);
