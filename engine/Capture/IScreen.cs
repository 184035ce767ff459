using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Capture;

/// <summary>Reads pixels of the desktop. Coordinates are physical pixels of the whole screen, origin top-left.</summary>
public interface IScreen : IDisposable
{
    /// <summary>The whole screen: (0, 0) and the screen's size.</summary>
    Rect Bounds { get; }

    /// <summary>The monitors as sub-rectangles of <see cref="Bounds"/>, primary first.</summary>
    IReadOnlyList<DisplayMonitor> Monitors { get; }

    /// <summary>The method this screen captures with (never <see cref="CaptureMethod.Auto"/>).</summary>
    CaptureMethod Method { get; }

    /// <summary>Captures the whole screen. Dispose the frame when done with it.</summary>
    /// <exception cref="DisplayUnavailableException">The display has gone away.</exception>
    Frame Capture();

    /// <summary>Captures <paramref name="region"/>. Dispose the frame when done with it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The region is empty or not inside <see cref="Bounds"/>.</exception>
    /// <exception cref="DisplayUnavailableException">The display has gone away.</exception>
    Frame Capture(Rect region);
}
