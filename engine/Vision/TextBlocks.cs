using Dispatch.Engine.Geometry;
using OpenCvSharp;
using Rect = Dispatch.Engine.Geometry.Rect;

namespace Dispatch.Engine.Vision;

/// <summary>
/// Finds where text lines are: glyph edges (morphological gradient) are joined across the gaps between letters
/// and words (but not across wider column gaps or between lines), and each joined group's bounding box is a
/// block. Frames and boxes around text do not matter (rules are erased beforehand), a block is usually one
/// line or one label — which Tesseract reads best — and its pixels repeat from screenshot to screenshot, so it
/// can be cached by its pixels.
/// </summary>
internal static class TextBlocks
{
    // Letters and words on a line are closer than this; columns and separate widgets are further apart.
    private const int WordGap = 9;

    // Taller groups are pictures or dense graphics, not a line of screen text.
    private const int MaxLineHeight = 64;

    private const int EdgeThreshold = 40;

    private const int MaxGlyphHeight = 24;

    /// <summary>The text blocks of a grayscale image, in its coordinates.</summary>
    public static List<Rect> Find(Mat gray)
    {
        // Horizontal gradient only: a 3×3 one would spread each line's edges into the next line.
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new OpenCvSharp.Size(3, 1));
        using var edges = new Mat();
        Cv2.MorphologyEx(gray, edges, MorphTypes.Gradient, kernel);
        Cv2.Threshold(edges, edges, EdgeThreshold, 255, ThresholdTypes.Binary);
        // Edges taller than any glyph are the sides of panels, bars and carets: they would join the lines they pass.
        using var tall = Cv2.GetStructuringElement(MorphShapes.Rect, new OpenCvSharp.Size(1, MaxGlyphHeight));
        using var sides = new Mat();
        Cv2.MorphologyEx(edges, sides, MorphTypes.Open, tall);
        Cv2.Subtract(edges, sides, edges);
        using var glyphs = edges.Clone();
        using var join = Cv2.GetStructuringElement(MorphShapes.Rect, new OpenCvSharp.Size(WordGap, 1));
        Cv2.Dilate(edges, edges, join);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(edges, labels, stats, centroids, PixelConnectivity.Connectivity8);
        var blocks = new List<Rect>(count);
        for (var i = 1; i < count; i++)
        {
            var x = stats.At<int>(i, (int)ConnectedComponentsTypes.Left);
            var y = stats.At<int>(i, (int)ConnectedComponentsTypes.Top);
            var width = stats.At<int>(i, (int)ConnectedComponentsTypes.Width);
            var height = stats.At<int>(i, (int)ConnectedComponentsTypes.Height);
            // Tightly set lines touch (a descender above an ascender): cut the group at rows without edges, then
            // trim each line to its glyphs' own edges (the dilation widened it) with a pixel of margin.
            foreach (var (top, bottom) in Rows(glyphs, x, x + width, y, y + height))
            {
                if (bottom - top is < 6 or > MaxLineHeight || Columns(glyphs, x, x + width, top, bottom) is not var (left, right) || right - left < 4)
                {
                    continue;
                }
                blocks.Add(Rect.FromEdges(Math.Max(0, left - 1), top, Math.Min(gray.Width, right + 1), bottom));
            }
        }
        blocks.Sort(static (a, b) => a.Y != b.Y ? a.Y.CompareTo(b.Y) : a.X.CompareTo(b.X));
        return blocks;
    }

    /// <summary>The first and last column (exclusive) in [left, right) with edge pixels between rows top and bottom.</summary>
    private static (int Left, int Right)? Columns(Mat edges, int left, int right, int top, int bottom)
    {
        using var area = edges[new OpenCvSharp.Rect(left, top, right - left, bottom - top)];
        using var sums = new Mat();
        Cv2.Reduce(area, sums, ReduceDimension.Row, ReduceTypes.Max, -1);
        var first = -1;
        var last = -1;
        var columns = sums.Cols;
        for (var i = 0; i < columns; i++)
        {
            if (sums.At<byte>(0, i) != 0)
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        return first < 0 ? null : (left + first, left + last + 1);
    }

    /// <summary>Runs of rows in [top, bottom) that hold edge pixels between columns left and right.</summary>
    private static List<(int Top, int Bottom)> Rows(Mat edges, int left, int right, int top, int bottom)
    {
        var runs = new List<(int, int)>();
        var start = -1;
        for (var y = top; y <= bottom; y++)
        {
            var empty = y == bottom || Cv2.CountNonZero(edges[new OpenCvSharp.Rect(left, y, right - left, 1)]) == 0;
            if (!empty && start < 0)
            {
                start = y;
            }
            else if (empty && start >= 0)
            {
                runs.Add((start, y));
                start = -1;
            }
        }
        return runs;
    }
}
