using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Locators;

/// <summary>A candidate that came closest without matching, to explain a miss.</summary>
/// <param name="Channel">The channel that saw it.</param>
/// <param name="Description">What it was, e.g. <c>OCR "Sav"</c> or <c>push button "Save As…"</c>.</param>
/// <param name="Score">How close it came, 0–1.</param>
/// <param name="Bounds">Where it is.</param>
public sealed record NearMiss(MatchChannel Channel, string Description, double Score, Rect? Bounds)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Channel} {Description} {Score:0.00}{(Bounds is { } b ? $" at {b.X},{b.Y}" : "")}";
}
