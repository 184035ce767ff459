using System.Globalization;
using OpenCvSharp;

namespace Dispatch.Engine.Vision;

/// <summary>
/// How much detail a template image has, which decides whether it can be found at one place: normalised correlation of
/// a flat patch (a piece of a window's background) is the same everywhere — it "matches" all over the screen at 1.00 —
/// and a patch with a faint gradient or a single edge matches along the whole of it.
/// </summary>
/// <param name="StandardDeviation">Standard deviation of the gray levels (0–255 scale).</param>
/// <param name="EdgeShare">The share of pixels, 0–1, on an edge: their 3×3 neighbourhood spans at least <see cref="EdgeStep"/> gray levels.</param>
public sealed record TemplateDetail(double StandardDeviation, double EdgeShare)
{
    /// <summary>The least gray-level standard deviation a template needs.</summary>
    public const double MinStandardDeviation = 10;

    /// <summary>The least share of edge pixels a template needs (an icon's outline alone gives several times this).</summary>
    public const double MinEdgeShare = 0.03;

    /// <summary>The gray-level step within a 3×3 neighbourhood that makes a pixel an edge pixel.</summary>
    public const int EdgeStep = 40;

    /// <summary>Whether the template has enough detail to be found at one place.</summary>
    public bool IsEnough => StandardDeviation >= MinStandardDeviation && EdgeShare >= MinEdgeShare;

    /// <summary>Measures a grayscale (8-bit, one channel) template.</summary>
    /// <exception cref="ArgumentException">The image is empty or not 8-bit grayscale.</exception>
    public static TemplateDetail Measure(Mat template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.Empty() || template.Type() != MatType.CV_8UC1)
        {
            throw new ArgumentException($"Expected a non-empty 8-bit grayscale template; got {template.Width}×{template.Height} of type {template.Type()}.", nameof(template));
        }
        Cv2.MeanStdDev(template, out _, out var deviation);
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
        using var steps = new Mat();
        Cv2.MorphologyEx(template, steps, MorphTypes.Gradient, kernel);
        using var edges = new Mat();
        Cv2.Threshold(steps, edges, EdgeStep - 1, 255, ThresholdTypes.Binary);
        return new TemplateDetail(deviation.Val0, (double)Cv2.CountNonZero(edges) / (template.Width * template.Height));
    }

    /// <summary>"gray-level standard deviation 2.1 (at least 10 needed), edges on 0.0 % of its pixels (at least 3 % needed)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"gray-level standard deviation {StandardDeviation:0.0} (at least {MinStandardDeviation:0} needed), edges on {EdgeShare * 100:0.0} % of its pixels (a step of ≥ {EdgeStep} gray levels; at least {MinEdgeShare * 100:0} % needed)");
}
