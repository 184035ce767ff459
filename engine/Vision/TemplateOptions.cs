using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Vision;

/// <summary>How <see cref="TemplateMatcher"/> searches.</summary>
public sealed record TemplateOptions
{
    /// <summary>The lowest score (normalised correlation, 0–1) that counts as a match; 0.9 by default.</summary>
    public double Threshold { get; init; } = 0.9;

    /// <summary>Screen area to search; null searches the whole frame.</summary>
    public Rect? Region { get; init; }

    /// <summary>At most this many matches, best first; overlapping matches are suppressed.</summary>
    public int MaxMatches { get; init; } = 10;

    /// <summary>Template scales to try, for screens of another DPI (e.g. 0.5, 1, 1.5, 2); just 1 by default.</summary>
    public IReadOnlyList<double> Scales { get; init; } = [1.0];
}
