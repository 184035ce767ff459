namespace Dispatch.Agent.LocalApi;

/// <summary>A word read by OCR.</summary>
/// <param name="Text">The word.</param>
/// <param name="Bounds">Where it is.</param>
/// <param name="Confidence">Tesseract's confidence, 0–1.</param>
public sealed record OcrWordDto(string Text, BoundsDto Bounds, double Confidence)
{
    /// <summary>As <c>dispatch ocr --words</c> prints it.</summary>
    public override string ToString() => $"\"{Text}\" @{Bounds} ({Confidence:P0})";
}
