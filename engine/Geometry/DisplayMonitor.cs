namespace Dispatch.Engine.Geometry;

/// <summary>One monitor: a sub-rectangle of the X screen (from XRandR), in the screen's physical pixels.</summary>
/// <param name="Name">The output name, e.g. <c>screen</c> or <c>HDMI-1</c>.</param>
/// <param name="Bounds">Where the monitor lies on the screen.</param>
/// <param name="IsPrimary">True for the primary monitor.</param>
public sealed record DisplayMonitor(string Name, Rect Bounds, bool IsPrimary);
