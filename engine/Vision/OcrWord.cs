using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Vision;

/// <summary>A word read from the screen.</summary>
/// <param name="Text">The word.</param>
/// <param name="Bounds">Where it is, in screen pixels.</param>
/// <param name="Confidence">Tesseract's confidence, 0–1.</param>
public sealed record OcrWord(string Text, Rect Bounds, double Confidence)
{
    /// <inheritdoc/>
    public override string ToString() => $"\"{Text}\" @{Bounds} ({Confidence:P0})";
}
