namespace Dispatch.Engine.Locators;

/// <summary>What a search found, what came close, and what it cost.</summary>
/// <param name="Locator">The query.</param>
/// <param name="Matches">Matches, best first (nearest first with a relation such as <c>right of</c>); with <c>#n</c>, only the n-th.</param>
/// <param name="NearMisses">
/// The closest non-matching candidates of each channel searched (up to three each), elements that match but are hidden or
/// lie in another window, and the roles present when the role was the miss.
/// </param>
/// <param name="Channels">The channels searched.</param>
/// <param name="Elapsed">How long the search took; for a wait, the whole wait.</param>
public sealed record FindResult(Locator Locator, IReadOnlyList<ElementMatch> Matches, IReadOnlyList<NearMiss> NearMisses,
    IReadOnlyList<MatchChannel> Channels, TimeSpan Elapsed)
{
    /// <summary>Why no single answer can be given although something fits (several windows with the title, several anchors); null otherwise.</summary>
    public string? Ambiguity { get; init; }

    /// <summary>How many searches this result stands for (more than one after a wait).</summary>
    public int Searches { get; init; } = 1;

    /// <summary>True when something matched.</summary>
    public bool Found => Matches.Count > 0;

    /// <summary>
    /// True when the locator wants one element and the search cannot say which: several equally good matches (or, with a
    /// relation, several equally near) and neither <c>#n</c> nor <c>first</c>, or an ambiguous window title or anchor.
    /// </summary>
    public bool IsAmbiguous => Ambiguity is not null || Found && Locator.Index is null && !Locator.First && Matches.Count > 1
        && (Locator.Anchor is null ? Matches[1].Score >= Matches[0].Score - 0.001 : Matches[1].Distance - Matches[0].Distance <= 2);

    /// <summary>The one element the locator means; null on a miss or an ambiguity (see <see cref="Explain"/>).</summary>
    public ElementMatch? Single => Found && !IsAmbiguous ? Matches[0] : null;

    /// <summary>A sentence explaining a miss: what was searched, for how long, and the nearest candidates.</summary>
    public string ExplainMiss() =>
        $"No element matches '{Locator}' (searched {string.Join(", ", Channels)} {(Searches > 1 ? $"{Searches} times in {Elapsed.TotalMilliseconds:0} ms" : $"in {Elapsed.TotalMilliseconds:0} ms")}). " +
        (NearMisses.Count == 0 ? "Nothing came close." : "Nearest: " + string.Join("; ", NearMisses) + ".");

    /// <summary>A sentence explaining an ambiguity: every match, and how to choose one.</summary>
    public string ExplainAmbiguity() =>
        Ambiguity is { } why ? $"'{Locator}' is ambiguous: {why}."
        : $"'{Locator}' matches {Matches.Count} elements; say which with #n (or take the first with 'first'): " +
          string.Join("; ", Matches.Select((m, i) => $"#{i + 1} {m}")) + ".";

    /// <summary>Why there is no single answer (<see cref="ExplainMiss"/> or <see cref="ExplainAmbiguity"/>); null when there is one.</summary>
    public string? Explain() => !Found && Ambiguity is null ? ExplainMiss() : IsAmbiguous ? ExplainAmbiguity() : null;
}
