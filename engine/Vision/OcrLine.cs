using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Vision;

/// <summary>Words on one line of text, left to right.</summary>
/// <param name="Words">The words.</param>
public sealed record OcrLine(IReadOnlyList<OcrWord> Words)
{
    /// <summary>The words joined by spaces.</summary>
    public string Text => string.Join(' ', Words.Select(w => w.Text));

    /// <summary>The smallest rectangle holding every word.</summary>
    public Rect Bounds => Words.Aggregate(default(Rect), static (acc, w) => acc.Union(w.Bounds));

    /// <summary>The lowest word confidence.</summary>
    public double Confidence => Words.Count == 0 ? 0 : Words.Min(w => w.Confidence);

    /// <inheritdoc/>
    public override string ToString() => $"\"{Text}\" @{Bounds}";
}
