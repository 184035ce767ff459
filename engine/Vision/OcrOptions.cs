namespace Dispatch.Engine.Vision;

/// <summary>How <see cref="OcrEngine"/> reads.</summary>
public sealed record OcrOptions
{
    /// <summary>
    /// The tessdata folders to look in for the language's <c>.traineddata</c>, in order; empty (the default) takes the
    /// platform's (on Linux: <c>$TESSDATA_PREFIX</c>, then Debian's <c>/usr/share/tesseract-ocr/*/tessdata</c> and the other
    /// distributions' usual places).
    /// </summary>
    public IReadOnlyList<string> DataPaths { get; init; } = [];

    /// <summary>
    /// How many threads each Tesseract instance may use for itself (its OpenMP threads). The platform sets this before
    /// Tesseract loads (<c>OMP_THREAD_LIMIT</c>), unless the environment already says; 1 by default, because the engine
    /// reads blocks in parallel itself and OpenMP's threads fighting ours made reads ~7× slower.
    /// </summary>
    public int TesseractThreads { get; init; } = 1;

    /// <summary>Tesseract language codes joined by '+', e.g. <c>eng</c> or <c>eng+deu</c>.</summary>
    public string Language { get; init; } = "eng";

    /// <summary>How many blocks are read at once (one Tesseract instance each); default: the number of cores.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Words below this confidence (0–1) are dropped as noise.</summary>
    public double MinConfidence { get; init; } = 0.3;

    /// <summary>How many text blocks the cache remembers.</summary>
    public int CacheCapacity { get; init; } = 4096;
}
