using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Actions;

/// <summary>
/// What the screen showed after an action, what changed and how long it took. Owns <see cref="Frame"/>: dispose it.
/// </summary>
/// <param name="Frame">The screen after the action settled (owned).</param>
/// <param name="Changes">Areas that changed, in screen pixels.</param>
/// <param name="Effect">Whether the action visibly did something.</param>
/// <param name="Elapsed">From the start of the action until the screen settled.</param>
/// <param name="Output">Text the action returns (the pointer position for cursor_position), or null.</param>
public sealed record Observation(Frame Frame, IReadOnlyList<Rect> Changes, ActionEffect Effect, TimeSpan Elapsed, string? Output) : IDisposable
{
    /// <summary>The screenshot for a model: downscaled per <paramref name="mapping"/> (see <see cref="ModelScreen"/>), PNG by default.</summary>
    public EncodedImage ForModel(ScaleMapping mapping, ImageFormat format = ImageFormat.Png)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return FrameEncoder.Encode(Frame, format, mapping.Source, mapping.Target);
    }

    /// <summary>Disposes the frame.</summary>
    public void Dispose() => Frame.Dispose();
}
