using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using OpenCvSharp;
using OpenCvSharp.Text;
using Point = Dispatch.Engine.Geometry.Point;
using Rect = Dispatch.Engine.Geometry.Rect;

namespace Dispatch.Engine.Vision;

/// <summary>
/// Reads screen text with Tesseract (bundled in OpenCvSharp's runtime). The area is cut into blocks of content
/// (<see cref="TextBlocks"/>); each block is prepared for screen text (gray, dark-on-light, whole-number upscale
/// of small text), read by one of several Tesseract instances in parallel, and remembered by its pixels, so an
/// unchanged block is never read twice. Thread-safe.
/// </summary>
public sealed class OcrEngine : IDisposable
{
    // Every block is one line (TextBlocks cuts them at most MaxLineHeight tall), read as one line: page segmentation
    // mode 7. (Once lines are cleaned of borders and underlines, "single word" (8) misread more labels than it helped:
    // "4711" as "“a7".) Never a mode with page layout (3, 11): that is where Tesseract, given pixels without a
    // resolution — OpenCV's wrapper cannot pass one — estimates it and prints "Estimating resolution as …" to stderr.
    private const int SingleLineMode = 7;
    private const int Border = 8;
    private const int Context = 3;

    // Ink runs longer than these are rules, not glyph strokes: screen glyphs are rarely taller than 20 pixels,
    // and words have gaps, while a button's side is ~20–30 pixels and its top runs its whole width.
    private const int HorizontalRule = 30;
    private const int VerticalRule = 20;

    private readonly OcrOptions _options;
    private readonly string _dataPath;
    private readonly ConcurrentBag<OCRTesseract> _engines = [];
    private readonly ConcurrentDictionary<(ulong Hash, int Width, int Height), BlockWord[]> _cache = new();
    private readonly TimeProvider _time;
    private readonly Lock _lastLock = new();
    private (Rect Region, ulong Hash, OcrResult Result)? _last;
    private bool _disposed;

    /// <summary>Creates an engine; Tesseract instances are created on first use.</summary>
    /// <param name="options">How to read; what it leaves open (where the data is) the platform fills in.</param>
    /// <param name="time">The clock for elapsed times; the system clock when null.</param>
    /// <exception cref="DispatchException">No tessdata folder with the language was found; the message names every file looked for.</exception>
    public OcrEngine(OcrOptions? options = null, TimeProvider? time = null)
    {
        var given = options ?? new OcrOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(given.Parallelism, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(given.TesseractThreads, 1);
        // Where the data lives and the native thread limit are the platform's business, not the reader's.
        _options = Desktop.PrepareOcr(given);
        _time = time ?? TimeProvider.System;
        _dataPath = FindDataPath(_options);
    }

    /// <summary>How many blocks the cache holds.</summary>
    public int CachedBlocks => _cache.Count;

    /// <summary>Forgets every block read so far (the next read of any block runs Tesseract).</summary>
    public void ClearCache()
    {
        _cache.Clear();
        lock (_lastLock)
        {
            _last = null;
        }
    }

    private static ulong HashRegion(Frame frame, Rect area)
    {
        var hash = new XxHash3();
        var offset = (area.X - frame.Bounds.X) * Frame.BytesPerPixel;
        for (var y = area.Y; y < area.Bottom; y++)
        {
            hash.Append(frame.Row(y - frame.Bounds.Y).Slice(offset, area.Width * Frame.BytesPerPixel));
        }
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>Reads the text of <paramref name="region"/> (screen coordinates) of <paramref name="frame"/>, or all of it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The region is not inside the frame.</exception>
    public OcrResult Recognize(Frame frame, Rect? region = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var area = region ?? frame.Bounds;
        if (area.IsEmpty || !frame.Bounds.Contains(area))
        {
            throw new ArgumentOutOfRangeException(nameof(region), area, $"The OCR region {area} must be non-empty and inside the frame {frame.Bounds}.");
        }
        var start = _time.GetTimestamp();
        // The same pixels as last time (an idle screen asked twice) need no work at all.
        var hash = HashRegion(frame, area);
        lock (_lastLock)
        {
            if (_last is { } last && last.Region == area && last.Hash == hash)
            {
                return last.Result with { Elapsed = _time.GetElapsedTime(start), BlocksRecognized = 0, BlocksFromCache = last.Result.BlocksRecognized + last.Result.BlocksFromCache };
            }
        }
        using var whole = frame.AsMat();
        using var view = whole[new OpenCvSharp.Rect(area.X - frame.Bounds.X, area.Y - frame.Bounds.Y, area.Width, area.Height)];
        using var gray = new Mat();
        Cv2.CvtColor(view, gray, ColorConversionCodes.BGRA2GRAY);
        StipplePattern.Flatten(gray);
        RemoveRules(gray);
        var blocks = TextBlocks.Find(gray);

        var results = new BlockWord[blocks.Count][];
        var keys = new (ulong, int, int)[blocks.Count];
        var toRead = new List<int>();
        for (var i = 0; i < blocks.Count; i++)
        {
            keys[i] = Key(gray, blocks[i]);
            if (_cache.TryGetValue(keys[i], out var cached))
            {
                results[i] = cached;
            }
            else
            {
                toRead.Add(i);
            }
        }
        Parallel.ForEach(toRead, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism }, i =>
        {
            results[i] = ReadBlock(gray, blocks[i]);
        });
        if (_cache.Count + toRead.Count > _options.CacheCapacity)
        {
            // Bounded memory: a full cache starts over (screens change wholesale when it fills).
            _cache.Clear();
        }
        foreach (var i in toRead)
        {
            _cache[keys[i]] = results[i];
        }

        var words = new List<OcrWord>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var origin = new Point(area.X + blocks[i].X, area.Y + blocks[i].Y);
            words.AddRange(results[i].Where(w => w.Confidence >= _options.MinConfidence)
                .Select(w => new OcrWord(w.Text, w.Bounds.Offset(origin.X, origin.Y), w.Confidence)));
        }
        var lines = GroupLines(words);
        lines.Sort(static (a, b) => a.Bounds.Y != b.Bounds.Y ? a.Bounds.Y.CompareTo(b.Bounds.Y) : a.Bounds.X.CompareTo(b.Bounds.X));
        var result = new OcrResult(area, lines, _time.GetElapsedTime(start), toRead.Count, blocks.Count - toRead.Count);
        lock (_lastLock)
        {
            _last = (area, hash, result);
        }
        return result;
    }

    /// <summary>
    /// Erases long straight lines (button borders, table rules, frames) in place: to Tesseract a border next to a
    /// glyph is part of it ("[3" for a boxed 3), and borders join separate labels into one block. Lines are ink runs
    /// longer than any glyph stroke; they are replaced by the median of their neighbourhood, i.e. the background.
    /// </summary>
    private static void RemoveRules(Mat gray)
    {
        using var darkInk = new Mat();
        using var lightInk = new Mat();
        Cv2.AdaptiveThreshold(gray, darkInk, 255, AdaptiveThresholdTypes.MeanC, ThresholdTypes.BinaryInv, 15, 10);
        Cv2.AdaptiveThreshold(gray, lightInk, 255, AdaptiveThresholdTypes.MeanC, ThresholdTypes.Binary, 15, -10);
        // Ink is what differs from its surroundings' background: dark strokes where the neighbourhood is light, light
        // strokes where it is dark. (Both everywhere would take the light gap beside dark text for a rule.)
        using var neighbourhood = new Mat();
        Cv2.Blur(gray, neighbourhood, new OpenCvSharp.Size(31, 31));
        using var lightBackground = new Mat();
        Cv2.Threshold(neighbourhood, lightBackground, 127, 255, ThresholdTypes.Binary);
        using var darkBackground = new Mat();
        Cv2.BitwiseNot(lightBackground, darkBackground);
        using var ink = new Mat();
        Cv2.BitwiseAnd(darkInk, lightBackground, darkInk);
        Cv2.BitwiseAnd(lightInk, darkBackground, lightInk);
        Cv2.BitwiseOr(darkInk, lightInk, ink);
        // Only thin runs are rules; thick ones are bars and blocks of colour.
        using var rules = new Mat(gray.Size(), MatType.CV_8UC1, Scalar.All(0));
        AddThinRuns(ink, rules, new OpenCvSharp.Size(HorizontalRule, 1), new OpenCvSharp.Size(HorizontalRule, 4));
        AddThinRuns(ink, rules, new OpenCvSharp.Size(1, VerticalRule), new OpenCvSharp.Size(4, VerticalRule));
        if (Cv2.CountNonZero(rules) == 0)
        {
            return;
        }
        // Not widened: a glyph one pixel beside a border would lose its stroke. The specks left where rules meet
        // are too small to form a text line.
        using var background = new Mat();
        Cv2.MedianBlur(gray, background, 7);
        background.CopyTo(gray, rules);
    }

    /// <summary>Adds to <paramref name="rules"/> the ink runs at least <paramref name="line"/> long but thinner than <paramref name="thick"/>.</summary>
    private static void AddThinRuns(Mat ink, Mat rules, OpenCvSharp.Size line, OpenCvSharp.Size thick)
    {
        using var lineKernel = Cv2.GetStructuringElement(MorphShapes.Rect, line);
        using var thickKernel = Cv2.GetStructuringElement(MorphShapes.Rect, thick);
        using var runs = new Mat();
        using var bands = new Mat();
        Cv2.MorphologyEx(ink, runs, MorphTypes.Open, lineKernel);
        Cv2.MorphologyEx(ink, bands, MorphTypes.Open, thickKernel);
        Cv2.Subtract(runs, bands, runs);
        Cv2.BitwiseOr(rules, runs, rules);
    }

    private static unsafe ReadOnlySpan<byte> GraySpan(Mat gray) => new((void*)gray.Data, checked((int)gray.Step() * gray.Height));

    private static (ulong, int, int) Key(Mat gray, Rect block)
    {
        var hash = new XxHash64();
        var all = GraySpan(gray);
        var stride = (int)gray.Step();
        for (var y = block.Y; y < block.Bottom; y++)
        {
            hash.Append(all.Slice(y * stride + block.X, block.Width));
        }
        return (hash.GetCurrentHashAsUInt64(), block.Width, block.Height);
    }

    /// <summary>Reads one block; word bounds are relative to the block.</summary>
    private BlockWord[] ReadBlock(Mat gray, Rect block)
    {
        var isLabel = block.Width <= 4 * block.Height;
        // A lone label keeps a few pixels of its surroundings: Tesseract misreads a short word cut flush at the edge.
        var margin = isLabel ? Context : 0;
        var context = Rect.FromEdges(Math.Max(0, block.X - margin), Math.Max(0, block.Y - margin),
            Math.Min(gray.Width, block.Right + margin), Math.Min(gray.Height, block.Bottom + margin));
        using var crop = new Mat(gray, new OpenCvSharp.Rect(context.X, context.Y, context.Width, context.Height));
        using var prepared = new Mat();
        // Tesseract is trained on dark text on light paper.
        if (Cv2.Mean(crop).Val0 < 128)
        {
            Cv2.BitwiseNot(crop, prepared);
        }
        else
        {
            crop.CopyTo(prepared);
        }
        LineInk.EvenOutBlocks(prepared);
        LineInk.EraseNonGlyphs(prepared);
        // Screen fonts are small for Tesseract; a whole-number upscale keeps strokes sharp: ×2 (×3 misread xcalc's "84"
        // and xterm's "Warning:" on the corpus and the desktop tests).
        var words = Read(prepared, block, context, 2);
        // Tesseract is unsure of some lines at one size and sure at another ("4711" in a Tk field: 1 % at ×2, 42 % at
        // ×3): a line with a word below the confidence floor gets a second reading at ×3, and the surer one is kept.
        if (words.Length > 0 && MinConfidence(words) < _options.MinConfidence)
        {
            var again = Read(prepared, block, context, 3);
            if (MinConfidence(again) > MinConfidence(words))
            {
                words = again;
            }
        }
        return words;
    }

    private static double MinConfidence(BlockWord[] words) => words.Length == 0 ? 0 : words.Min(w => w.Confidence);

    /// <summary>Reads a prepared line (gray, dark on light, cut at <paramref name="context"/>) scaled up by <paramref name="scale"/>; word bounds are relative to <paramref name="block"/>.</summary>
    private BlockWord[] Read(Mat prepared, Rect block, Rect context, int scale)
    {
        using var scaled = new Mat();
        Cv2.Resize(prepared, scaled, new OpenCvSharp.Size(context.Width * scale, context.Height * scale), 0, 0, InterpolationFlags.Cubic);
        // A bitmap font blown up has stair-step edges Tesseract reads as other glyphs ("SIO" for xcalc's "STO", "/"
        // for its "7"); a slight blur rounds them off.
        Cv2.GaussianBlur(scaled, scaled, new OpenCvSharp.Size(3, 3), 0);
        // Glyphs touch the block's edges: pad with the background (the lightest value), never by repeating edge pixels.
        Cv2.MinMaxLoc(scaled, out _, out double background);
        using var padded = new Mat();
        Cv2.CopyMakeBorder(scaled, padded, Border, Border, Border, Border, BorderTypes.Constant, new Scalar(background));

        if (!_engines.TryTake(out var engine))
        {
            // An empty whitelist lets Tesseract read every character it knows (OpenCV's default is letters and digits only).
            engine = OCRTesseract.Create(_dataPath, _options.Language, "", 1, SingleLineMode);
        }
        try
        {
            engine.Run(padded, out _, out var boxes, out var texts, out var confidences, ComponentLevels.Word);
            var words = new List<BlockWord>(texts.Length);
            for (var i = 0; i < texts.Length; i++)
            {
                var text = texts[i]?.Trim() ?? "";
                if (text.Length == 0)
                {
                    continue;
                }
                var box = boxes[i];
                // Back from the padded, scaled image to the block's own coordinates.
                var dx = context.X - block.X;
                var dy = context.Y - block.Y;
                var left = Math.Clamp((box.X - Border) / scale + dx, 0, block.Width - 1);
                var top = Math.Clamp((box.Y - Border) / scale + dy, 0, block.Height - 1);
                var right = Math.Clamp((box.X + box.Width - Border + scale - 1) / scale + dx, left + 1, block.Width);
                var bottom = Math.Clamp((box.Y + box.Height - Border + scale - 1) / scale + dy, top + 1, block.Height);
                words.Add(new BlockWord(text, Rect.FromEdges(left, top, right, bottom), confidences[i] / 100.0));
            }
            return [.. words];
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    /// <summary>
    /// Groups words into lines across blocks: a word joins a line when it overlaps the line's last word vertically
    /// by half and follows it within two line heights (farther apart, it is another column or widget).
    /// </summary>
    private static List<OcrLine> GroupLines(IEnumerable<OcrWord> words)
    {
        var lines = new List<List<OcrWord>>();
        foreach (var word in words.OrderBy(w => w.Bounds.X))
        {
            var line = lines.FirstOrDefault(l =>
            {
                var last = l[^1].Bounds;
                var overlap = Math.Min(last.Bottom, word.Bounds.Bottom) - Math.Max(last.Y, word.Bounds.Y);
                var gap = word.Bounds.X - last.Right;
                return overlap * 2 >= Math.Min(last.Height, word.Bounds.Height) && gap <= 2 * Math.Max(last.Height, word.Bounds.Height);
            });
            if (line is null)
            {
                lines.Add([word]);
            }
            else
            {
                line.Add(word);
            }
        }
        return lines.Select(l => new OcrLine([.. l.OrderBy(w => w.Bounds.X)])).ToList();
    }

    private static string FindDataPath(OcrOptions options)
    {
        var language = options.Language.Split('+')[0];
        var tried = options.DataPaths.Select(folder => Path.Combine(folder, language + ".traineddata")).ToList();
        foreach (var file in tried)
        {
            if (File.Exists(file))
            {
                return Path.GetDirectoryName(file) + "/";
            }
        }
        throw new DispatchException(tried.Count == 0
            ? $"No Tesseract data for language '{language}': no tessdata folder is known on this system; expected OcrOptions.DataPaths to name one."
            : $"No Tesseract data for language '{language}'; looked for {string.Join(", ", tried)}. " +
              $"Install tesseract-ocr-{language} (./dispatch does this), or name the folder that has it in OcrOptions.DataPaths or TESSDATA_PREFIX.");
    }

    /// <summary>Disposes every Tesseract instance.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        while (_engines.TryTake(out var engine))
        {
            engine.Dispose();
        }
    }

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct BlockWord(string Text, Rect Bounds, double Confidence);
}
