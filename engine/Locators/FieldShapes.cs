using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using OpenCvSharp;
using Rect = Dispatch.Engine.Geometry.Rect;

namespace Dispatch.Engine.Locators;

/// <summary>
/// Finds text fields by their pixels, for apps without accessibility: an entry is drawn as a box clearly lighter than
/// the window around it (Tk, Motif, Athena and most themes paint fields white on grey), whatever text it holds.
/// </summary>
public static class FieldShapes
{
    /// <summary>How much lighter (0–255) a field must be than the background around its label.</summary>
    public const int MinContrast = 14;

    /// <summary>
    /// The light boxes in <paramref name="frame"/> at least as tall as half of <paramref name="label"/> and wide enough
    /// to type in, in screen coordinates. The background is read around <paramref name="label"/> (the text a person
    /// reads beside the field), so it is the window's, not the field's.
    /// </summary>
    public static IReadOnlyList<Rect> Find(Frame frame, Rect label)
    {
        ArgumentNullException.ThrowIfNull(frame);
        using var colour = frame.AsMat();
        using var gray = new Mat();
        Cv2.CvtColor(colour, gray, ColorConversionCodes.BGRA2GRAY);
        var background = BackgroundAround(gray, label.Offset(-frame.Bounds.X, -frame.Bounds.Y));
        if (background is null || background > 255 - MinContrast)
        {
            return [];
        }
        using var light = new Mat();
        Cv2.Threshold(gray, light, background.Value + MinContrast, 255, ThresholdTypes.Binary);
        // Close the gaps the field's own text cuts into its light face, so a filled field is still one box.
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new OpenCvSharp.Size(Math.Max(3, label.Height / 2) | 1, Math.Max(3, label.Height / 2) | 1));
        Cv2.MorphologyEx(light, light, MorphTypes.Close, kernel);
        Cv2.FindContours(light, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var boxes = new List<Rect>();
        foreach (var contour in contours)
        {
            var box = Cv2.BoundingRect(contour);
            var filled = Cv2.ContourArea(contour) / Math.Max(1.0, (double)box.Width * box.Height);
            if (box.Height >= Math.Max(8, label.Height / 2) && box.Height <= label.Height * 4 && box.Width >= Math.Max(24, box.Height) && filled >= 0.85)
            {
                boxes.Add(new Rect(box.X + frame.Bounds.X, box.Y + frame.Bounds.Y, box.Width, box.Height));
            }
        }
        return boxes;
    }

    /// <summary>The median gray of a ring just outside <paramref name="label"/> (frame coordinates); null when it lies off the frame.</summary>
    private static int? BackgroundAround(Mat gray, Rect label)
    {
        var ring = label.Inflate(3);
        var samples = new List<byte>();
        for (var x = ring.X; x < ring.Right; x++)
        {
            Sample(x, ring.Y);
            Sample(x, ring.Bottom - 1);
        }
        for (var y = ring.Y; y < ring.Bottom; y++)
        {
            Sample(ring.X, y);
            Sample(ring.Right - 1, y);
        }
        if (samples.Count == 0)
        {
            return null;
        }
        samples.Sort();
        return samples[samples.Count / 2];

        void Sample(int x, int y)
        {
            if (x >= 0 && y >= 0 && x < gray.Width && y < gray.Height)
            {
                samples.Add(gray.At<byte>(y, x));
            }
        }
    }
}
