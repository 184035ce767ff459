using System.Collections;
using System.Globalization;

namespace Dispatch.Engine.Vision;

/// <summary>
/// The matches <see cref="TemplateMatcher.Find"/> returns, best first, at most <see cref="TemplateOptions.MaxMatches"/>,
/// and how many places matched in all (<see cref="Total"/>), so a search that found more than it shows can say so.
/// </summary>
public sealed class TemplateMatches : IReadOnlyList<TemplateMatch>
{
    private readonly IReadOnlyList<TemplateMatch> _shown;

    /// <summary>Wraps the matches shown and the number found.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="total"/> is less than the matches shown.</exception>
    public TemplateMatches(IReadOnlyList<TemplateMatch> shown, int total)
    {
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentOutOfRangeException.ThrowIfLessThan(total, shown.Count);
        _shown = shown;
        Total = total;
    }

    /// <summary>
    /// How many separate places reached the threshold (overlapping ones counted once), at least <see cref="Count"/>;
    /// counting stops at <see cref="TemplateMatcher.MaxCounted"/>.
    /// </summary>
    public int Total { get; }

    /// <summary>Whether more places matched than are shown.</summary>
    public bool HasMore => Total > Count;

    /// <inheritdoc/>
    public int Count => _shown.Count;

    /// <inheritdoc/>
    public TemplateMatch this[int index] => _shown[index];

    /// <inheritdoc/>
    public IEnumerator<TemplateMatch> GetEnumerator() => _shown.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>"3 matches", or "10 of 37 matches shown".</summary>
    public override string ToString()
    {
        if (!HasMore)
        {
            return Count == 1 ? "1 match" : string.Create(CultureInfo.InvariantCulture, $"{Count} matches");
        }
        var atLeast = Total >= TemplateMatcher.MaxCounted ? "at least " : "";
        return string.Create(CultureInfo.InvariantCulture, $"{Count} of {atLeast}{Total} matches shown");
    }
}
