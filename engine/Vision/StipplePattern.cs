using OpenCvSharp;

namespace Dispatch.Engine.Vision;

/// <summary>
/// Flattens fine periodic patterns — the stippled (checkerboard) troughs of Athena and Motif scroll bars, dithered
/// "50 % gray" fills — into the plain gray a person sees. To the text finder such a pattern is a field of edges that
/// joins the lines beside it, and to Tesseract its fringe is a column of quotes and bars ("‘The", "|thank").
/// </summary>
internal static class StipplePattern
{
    // Pixels two apart (the pattern's period) differ by less than this; neighbours one apart differ by more.
    private const int SameLevel = 24;
    private const int Contrast = 48;

    // A pixel is in a pattern when this share of the window around it repeats with period 2: glyph strokes make a
    // few such pixels (a one-pixel diagonal), and a bitmap font's "m" a small patch of stripes, never a window this big.
    private const int Window = 9;
    private const double Density = 0.75;

    /// <summary>
    /// Replaces, in place, every area of <paramref name="gray"/> (8-bit gray) that repeats with a period of two pixels
    /// across and down while alternating between light and dark, with its average level.
    /// </summary>
    /// <returns>How many pixels were flattened (0 when the image has no such pattern).</returns>
    public static int Flatten(Mat gray)
    {
        if (gray.Width < Window || gray.Height < Window)
        {
            return 0;
        }
        // A pattern pixel equals a pixel two away on its row and on its column, and differs from both neighbours on its
        // row (stripes, checkerboards) or both on its column: the light column beside a trough differs on one side only.
        using var pattern = Compare(gray, 2, 0, CmpTypes.LT, SameLevel, both: false);
        using var down = Compare(gray, 0, 2, CmpTypes.LT, SameLevel, both: false);
        Cv2.BitwiseAnd(pattern, down, pattern);
        if (Cv2.CountNonZero(pattern) == 0)
        {
            return 0;
        }
        using var across = Compare(gray, 1, 0, CmpTypes.GT, Contrast, both: true);
        using var upDown = Compare(gray, 0, 1, CmpTypes.GT, Contrast, both: true);
        Cv2.BitwiseOr(across, upDown, across);
        Cv2.BitwiseAnd(pattern, across, pattern);
        // Dense areas only, then grown back to the pattern's own edge (the window's density falls off near it), but not past it.
        using var density = new Mat();
        Cv2.BoxFilter(pattern, density, MatType.CV_32F, new Size(Window, Window), normalize: true);
        using var mask = new Mat();
        Cv2.Compare(density, new Scalar(255 * Density), mask, CmpTypes.GE);
        if (Cv2.CountNonZero(mask) == 0)
        {
            return 0;
        }
        using var grow = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(Window, Window));
        Cv2.Dilate(mask, mask, grow);
        Cv2.BitwiseAnd(mask, pattern, mask);
        // A 2×2 mean of a period-2 pattern is its average level exactly.
        using var level = new Mat();
        Cv2.Blur(gray, level, new Size(2, 2));
        level.CopyTo(gray, mask);
        return Cv2.CountNonZero(mask);
    }

    /// <summary>
    /// Where a pixel compares (<paramref name="how"/>, its absolute difference against <paramref name="limit"/>) with
    /// the pixel (<paramref name="dx"/>, <paramref name="dy"/>) away in either direction, or in both when
    /// <paramref name="both"/>; a full-size 0/255 mask (pixels without a partner on one side count only the other).
    /// </summary>
    private static Mat Compare(Mat gray, int dx, int dy, CmpTypes how, int limit, bool both)
    {
        var width = gray.Width - dx;
        var height = gray.Height - dy;
        using var first = gray[new Rect(0, 0, width, height)];
        using var second = gray[new Rect(dx, dy, width, height)];
        using var difference = new Mat();
        Cv2.Absdiff(first, second, difference);
        using var pairs = new Mat();
        Cv2.Compare(difference, new Scalar(limit), pairs, how);
        // pairs(x, y) speaks for the pixel at (x, y) (its partner ahead) and for the one at (x + dx, y + dy) (behind).
        using var ahead = new Mat(gray.Size(), MatType.CV_8UC1, Scalar.All(both ? 255 : 0));
        using var behind = new Mat(gray.Size(), MatType.CV_8UC1, Scalar.All(both ? 255 : 0));
        using (var target = ahead[new Rect(0, 0, width, height)])
        {
            pairs.CopyTo(target);
        }
        using (var target = behind[new Rect(dx, dy, width, height)])
        {
            pairs.CopyTo(target);
        }
        var result = new Mat();
        if (both)
        {
            Cv2.BitwiseAnd(ahead, behind, result);
        }
        else
        {
            Cv2.BitwiseOr(ahead, behind, result);
        }
        return result;
    }
}
