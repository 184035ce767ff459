namespace Dispatch.Engine.Locators;

/// <summary>What a search found, what came close, and what it cost.</summary>
/// <param name="Locator">The query.</param>
/// <param name="Matches">Matches, best first (nearest first with <c>near</c>); with <c>#n</c>, only the n-th.</param>
/// <param name="NearMisses">The closest non-matching candidates of each channel searched (up to three each).</param>
/// <param name="Channels">The channels searched.</param>
/// <param name="Elapsed">How long the search took.</param>
public sealed record FindResult(Locator Locator, IReadOnlyList<ElementMatch> Matches, IReadOnlyList<NearMiss> NearMisses,
    IReadOnlyList<MatchChannel> Channels, TimeSpan Elapsed)
{
    /// <summary>True when something matched.</summary>
    public bool Found => Matches.Count > 0;

    /// <summary>A sentence explaining a miss: what was searched and the nearest candidates.</summary>
    public string ExplainMiss() =>
        $"No element matches '{Locator}' (searched {string.Join(", ", Channels)} in {Elapsed.TotalMilliseconds:0} ms). " +
        (NearMisses.Count == 0 ? "Nothing came close." : "Nearest: " + string.Join("; ", NearMisses) + ".");
}
