using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using OpenCvSharp;
using Rect = Dispatch.Engine.Geometry.Rect;

namespace Dispatch.Engine.Vision;

/// <summary>
/// Finds an image on the screen, coarse to fine: normalised correlation on grayscale copies shrunk so the
/// template keeps about 8 pixels on its short side, then every candidate verified at full resolution in a small
/// window around it. About 100× faster than a colour search of a 1080p screen, with the same exact hit.
/// Templates without enough detail to be found at one place (<see cref="TemplateDetail"/>) are refused.
/// </summary>
public static class TemplateMatcher
{
    /// <summary>Matches are counted up to this many (<see cref="TemplateMatches.Total"/>); a template matching more is not specific.</summary>
    public const int MaxCounted = 1000;

    private const int CoarseMinSide = 8;
    private const double CoarseSlack = 0.2;

    /// <summary>Loads a template image file as grayscale.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DispatchException">The file is not an image OpenCV can read, or has too little detail to be found at one place (the message gives its figures and the thresholds).</exception>
    public static Mat LoadTemplate(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The template image '{Path.GetFullPath(path)}' does not exist.", path);
        }
        var image = Cv2.ImRead(path, ImreadModes.Grayscale);
        if (image.Empty())
        {
            image.Dispose();
            throw new DispatchException($"'{path}' is not an image OpenCV can read; expected a PNG, JPEG or WebP file.");
        }
        try
        {
            EnsureDetail(image, $"'{path}'");
        }
        catch
        {
            image.Dispose();
            throw;
        }
        return image;
    }

    /// <summary>Refuses a template that would match in many places for want of detail (<see cref="TemplateDetail.IsEnough"/>).</summary>
    /// <param name="template">The grayscale template.</param>
    /// <param name="name">What to call it in the message, e.g. its file name.</param>
    /// <exception cref="DispatchException">It has too little detail; the message names its figures and the thresholds.</exception>
    public static void EnsureDetail(Mat template, string name)
    {
        var detail = TemplateDetail.Measure(template);
        if (!detail.IsEnough)
        {
            throw new DispatchException(
                $"The template {name} ({template.Width}×{template.Height}) has too little detail to be found at one place: {detail}. " +
                "A flat or faint image matches all over the screen; capture an area with an icon, text or edges in it.");
        }
    }

    /// <summary>
    /// Finds <paramref name="template"/> (grayscale) in <paramref name="frame"/>, best match first, at most
    /// <see cref="TemplateOptions.MaxMatches"/> of them; empty when none reaches the threshold.
    /// <see cref="TemplateMatches.Total"/> says how many places matched in all.
    /// </summary>
    /// <exception cref="DispatchException">The template has too little detail to be found at one place.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The search region is not inside the frame.</exception>
    public static TemplateMatches Find(Frame frame, Mat template, TemplateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(template);
        options ??= new TemplateOptions();
        EnsureDetail(template, "image");
        var area = options.Region ?? frame.Bounds;
        if (area.IsEmpty || !frame.Bounds.Contains(area))
        {
            throw new ArgumentOutOfRangeException(nameof(options), area, $"The search region {area} must be non-empty and inside the frame {frame.Bounds}.");
        }
        using var whole = frame.AsMat();
        using var view = whole[new OpenCvSharp.Rect(area.X - frame.Bounds.X, area.Y - frame.Bounds.Y, area.Width, area.Height)];
        using var gray = new Mat();
        Cv2.CvtColor(view, gray, ColorConversionCodes.BGRA2GRAY);

        var matches = new List<TemplateMatch>();
        foreach (var scale in options.Scales)
        {
            using var scaled = scale == 1.0 ? template.Clone() : template.Resize(new OpenCvSharp.Size(), scale, scale, InterpolationFlags.Area);
            if (scaled.Width > gray.Width || scaled.Height > gray.Height || scaled.Width < 3 || scaled.Height < 3)
            {
                continue;
            }
            foreach (var (x, y, score) in FindAtScale(gray, scaled, options))
            {
                matches.Add(new TemplateMatch(new Rect(area.X + x, area.Y + y, scaled.Width, scaled.Height), score, scale));
            }
        }
        // Best first; drop any match overlapping a better one by more than half; count them all, show the first few.
        var kept = new List<TemplateMatch>();
        foreach (var match in matches.OrderByDescending(m => m.Score))
        {
            if (kept.All(k => k.Bounds.Intersect(match.Bounds).Area * 2 < Math.Min(k.Bounds.Area, match.Bounds.Area)))
            {
                kept.Add(match);
            }
        }
        return new TemplateMatches(kept.Take(options.MaxMatches).ToList(), Math.Min(kept.Count, MaxCounted));
    }

    /// <summary>The best score anywhere (for near-miss reports), whatever the threshold.</summary>
    public static TemplateMatch? Best(Frame frame, Mat template, Rect? region = null)
    {
        var found = Find(frame, template, new TemplateOptions { Threshold = -1, MaxMatches = 1, Region = region });
        return found.Count > 0 ? found[0] : null;
    }

    private static List<(int X, int Y, double Score)> FindAtScale(Mat gray, Mat template, TemplateOptions options)
    {
        // A search for the best score anywhere (threshold ≤ 0) needs no count of every place.
        var cap = options.Threshold > 0 ? MaxCounted : options.MaxMatches * 4;
        var factor = Math.Max(1, Math.Min(template.Width, template.Height) / CoarseMinSide);
        factor = Math.Min(factor, 4);
        if (factor == 1)
        {
            using var result = new Mat();
            Cv2.MatchTemplate(gray, template, result, TemplateMatchModes.CCoeffNormed);
            return Peaks(result, options.Threshold, cap, template.Width, template.Height);
        }
        using var smallScreen = gray.Resize(new OpenCvSharp.Size(gray.Width / factor, gray.Height / factor), 0, 0, InterpolationFlags.Area);
        var verified = new List<(int X, int Y, double Score)>();
        // The shrunk screen's pixels fall on a grid the template's place need not share: a small, detailed icon shrunk
        // in another phase than the screen around it can score below the coarse threshold at its own spot. When the
        // first phase finds nothing, the template is shrunk from each other phase too (each a tiny search).
        for (var phase = 0; phase < factor * factor && (phase == 0 || verified.Count == 0); phase++)
        {
            var (dx, dy) = (phase % factor, phase / factor);
            var width = (template.Width - dx) / factor;
            var height = (template.Height - dy) / factor;
            using var shifted = template[new OpenCvSharp.Rect(dx, dy, width * factor, height * factor)];
            using var smallTemplate = shifted.Resize(new OpenCvSharp.Size(width, height), 0, 0, InterpolationFlags.Area);
            using var coarse = new Mat();
            Cv2.MatchTemplate(smallScreen, smallTemplate, coarse, TemplateMatchModes.CCoeffNormed);
            foreach (var (x, y, _) in Peaks(coarse, options.Threshold - CoarseSlack, cap, width, height))
            {
                Verify(gray, template, x * factor - dx, y * factor - dy, factor, options.Threshold, verified);
            }
        }
        return verified;
    }

    /// <summary>Matches the template at full resolution around a coarse candidate, within the coarse step's uncertainty.</summary>
    private static void Verify(Mat gray, Mat template, int x, int y, int factor, double threshold, List<(int X, int Y, double Score)> verified)
    {
        var margin = factor + 2;
        var left = Math.Max(0, x - margin);
        var top = Math.Max(0, y - margin);
        var right = Math.Min(gray.Width, x + template.Width + margin);
        var bottom = Math.Min(gray.Height, y + template.Height + margin);
        if (right - left < template.Width || bottom - top < template.Height)
        {
            return;
        }
        using var window = new Mat(gray, new OpenCvSharp.Rect(left, top, right - left, bottom - top));
        using var result = new Mat();
        Cv2.MatchTemplate(window, template, result, TemplateMatchModes.CCoeffNormed);
        Cv2.MinMaxLoc(result, out _, out var max, out _, out var location);
        if (max >= threshold && !verified.Contains((left + location.X, top + location.Y, max)))
        {
            verified.Add((left + location.X, top + location.Y, max));
        }
    }

    /// <summary>Local maxima of a score map above a threshold, best first, each suppressing its template-sized neighbourhood.</summary>
    private static List<(int X, int Y, double Score)> Peaks(Mat scores, double threshold, int count, int width, int height)
    {
        var peaks = new List<(int, int, double)>();
        using var work = scores.Clone();
        for (var i = 0; i < count; i++)
        {
            Cv2.MinMaxLoc(work, out _, out var max, out _, out var location);
            if (max < threshold || double.IsNaN(max))
            {
                break;
            }
            peaks.Add((location.X, location.Y, max));
            var suppress = new OpenCvSharp.Rect(Math.Max(0, location.X - width / 2), Math.Max(0, location.Y - height / 2), width, height)
                & new OpenCvSharp.Rect(0, 0, work.Width, work.Height);
            work[suppress].SetTo(new Scalar(-1));
        }
        return peaks;
    }
}
