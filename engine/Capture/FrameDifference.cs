using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Capture;

/// <summary>What changed between two frames.</summary>
/// <param name="Changed">Rectangles holding every changed pixel, in screen coordinates, sorted top to bottom.</param>
/// <param name="DirtyTiles">How many grid tiles held a change.</param>
public sealed record FrameDifference(IReadOnlyList<Rect> Changed, int DirtyTiles)
{
    /// <summary>No change.</summary>
    public static FrameDifference None { get; } = new([], 0);

    /// <summary>True when at least one pixel changed.</summary>
    public bool HasChanges => Changed.Count > 0;

    /// <summary>The smallest rectangle holding every change (empty when nothing changed).</summary>
    public Rect Bounds => Changed.Aggregate(default(Rect), static (acc, r) => acc.Union(r));
}
