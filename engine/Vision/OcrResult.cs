using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Vision;

/// <summary>Text read from a screen area.</summary>
/// <param name="Region">The area read, in screen pixels.</param>
/// <param name="Lines">Lines of words, top to bottom.</param>
/// <param name="Elapsed">How long reading took.</param>
/// <param name="BlocksRecognized">Text blocks Tesseract had to read.</param>
/// <param name="BlocksFromCache">Text blocks whose pixels had been read before, answered from the cache.</param>
public sealed record OcrResult(Rect Region, IReadOnlyList<OcrLine> Lines, TimeSpan Elapsed, int BlocksRecognized, int BlocksFromCache)
{
    /// <summary>Every word, line by line.</summary>
    public IEnumerable<OcrWord> Words => Lines.SelectMany(l => l.Words);

    /// <summary>All text, a line per line.</summary>
    public string Text => string.Join('\n', Lines.Select(l => l.Text));
}
