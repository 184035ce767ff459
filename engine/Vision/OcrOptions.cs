namespace Dispatch.Engine.Vision;

/// <summary>How <see cref="OcrEngine"/> reads.</summary>
public sealed record OcrOptions
{
    /// <summary>The tessdata folder; null finds Debian's (<c>/usr/share/tesseract-ocr/*/tessdata</c>).</summary>
    public string? DataPath { get; init; }

    /// <summary>Tesseract language codes joined by '+', e.g. <c>eng</c> or <c>eng+deu</c>.</summary>
    public string Language { get; init; } = "eng";

    /// <summary>How many blocks are read at once (one Tesseract instance each); default: the number of cores.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Words below this confidence (0–1) are dropped as noise.</summary>
    public double MinConfidence { get; init; } = 0.3;

    /// <summary>How many text blocks the cache remembers.</summary>
    public int CacheCapacity { get; init; } = 4096;
}
