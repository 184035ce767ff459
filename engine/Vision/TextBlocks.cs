using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Vision;

/// <summary>
/// Cuts a grayscale image into blocks of content separated by plain background (recursive XY-cut): first into
/// bands between plain rows, then each band into columns between wide plain gaps, and again. On a screen this
/// yields single text lines and widgets, which Tesseract reads best one at a time, and whose pixels repeat from
/// screenshot to screenshot — so a block can be cached by its pixels.
/// </summary>
internal static class TextBlocks
{
    // A plain row or column may vary this much (anti-aliasing, soft gradients).
    private const int Tolerance = 12;

    // Words on a line are closer than this; separate widgets and columns are further apart.
    private const int MinColumnGap = 14;

    private const int MaxDepth = 6;

    /// <summary>The blocks of <paramref name="gray"/> (row-major, <paramref name="stride"/> bytes per row), in image coordinates.</summary>
    public static List<Rect> Find(ReadOnlySpan<byte> gray, int width, int height, int stride)
    {
        var blocks = new List<Rect>();
        Split(gray, stride, new Rect(0, 0, width, height), horizontal: true, depth: 0, otherDirectionFailed: false, blocks);
        return blocks;
    }

    private static void Split(ReadOnlySpan<byte> gray, int stride, Rect area, bool horizontal, int depth, bool otherDirectionFailed, List<Rect> blocks)
    {
        var runs = horizontal ? RowRuns(gray, stride, area) : ColumnRuns(gray, stride, area);
        if (runs.Count == 0)
        {
            return; // all background
        }
        if (runs.Count == 1 && runs[0] == area)
        {
            // No cut this way: try the other way once; if that cannot cut either, this is a block.
            if (otherDirectionFailed || depth >= MaxDepth)
            {
                blocks.Add(area);
            }
            else
            {
                Split(gray, stride, area, !horizontal, depth + 1, otherDirectionFailed: true, blocks);
            }
            return;
        }
        foreach (var run in runs)
        {
            if (depth >= MaxDepth)
            {
                blocks.Add(run);
            }
            else
            {
                Split(gray, stride, run, !horizontal, depth + 1, otherDirectionFailed: false, blocks);
            }
        }
    }

    /// <summary>Maximal runs of rows holding content, trimmed to the content's columns later.</summary>
    private static List<Rect> RowRuns(ReadOnlySpan<byte> gray, int stride, Rect area)
    {
        var runs = new List<Rect>();
        var start = -1;
        for (var y = area.Y; y <= area.Bottom; y++)
        {
            var plain = y == area.Bottom || IsPlain(gray.Slice(y * stride + area.X, area.Width));
            if (!plain && start < 0)
            {
                start = y;
            }
            else if (plain && start >= 0)
            {
                runs.Add(Rect.FromEdges(area.X, start, area.Right, y));
                start = -1;
            }
        }
        return runs;
    }

    private static List<Rect> ColumnRuns(ReadOnlySpan<byte> gray, int stride, Rect area)
    {
        var runs = new List<Rect>();
        var start = -1;
        var lastContent = -1;
        for (var x = area.X; x <= area.Right; x++)
        {
            var plain = x == area.Right || IsPlainColumn(gray, stride, x, area.Y, area.Bottom);
            if (!plain)
            {
                if (start < 0)
                {
                    start = x;
                }
                lastContent = x;
            }
            else if (start >= 0 && (x - lastContent >= MinColumnGap || x == area.Right))
            {
                runs.Add(Rect.FromEdges(start, area.Y, lastContent + 1, area.Bottom));
                start = -1;
            }
        }
        return runs;
    }

    private static bool IsPlain(ReadOnlySpan<byte> row)
    {
        var min = row[0];
        var max = row[0];
        foreach (var value in row)
        {
            if (value < min)
            {
                min = value;
            }
            else if (value > max)
            {
                max = value;
            }
        }
        return max - min <= Tolerance;
    }

    private static bool IsPlainColumn(ReadOnlySpan<byte> gray, int stride, int x, int top, int bottom)
    {
        var first = gray[top * stride + x];
        for (var y = top + 1; y < bottom; y++)
        {
            if (Math.Abs(gray[y * stride + x] - first) > Tolerance)
            {
                return false;
            }
        }
        return true;
    }
}
