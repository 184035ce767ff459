using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Vision;

/// <summary>A rectangle to outline on a screenshot, with a label.</summary>
/// <param name="Bounds">The area in screen pixels.</param>
/// <param name="Label">Text drawn above it.</param>
/// <param name="IsPrimary">True draws it bold red (a match or target); false thin orange (a near miss).</param>
public sealed record ScreenAnnotation(Rect Bounds, string Label, bool IsPrimary);
