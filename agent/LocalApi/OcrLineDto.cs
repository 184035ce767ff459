namespace Dispatch.Agent.LocalApi;

/// <summary>A line of words read by OCR.</summary>
/// <param name="Text">The line's text.</param>
/// <param name="Bounds">Where it is.</param>
/// <param name="Words">Its words, left to right.</param>
public sealed record OcrLineDto(string Text, BoundsDto Bounds, IReadOnlyList<OcrWordDto> Words);
