using OpenCvSharp;

namespace Dispatch.Engine.Vision;

/// <summary>
/// Erases from one text line's image the ink that is not its glyphs: the side of a field, a frame or a scroll bar that
/// runs past the line above and below, the caret, and the underline of a mnemonic. Tesseract reads such marks as
/// letters ("|Alice", "‘Yes") or, for an underlined word, reads nothing at all. What is left is the line as a person
/// reads it, whatever was drawn around it — so a field reads the same in any crop.
/// </summary>
internal static class LineInk
{
    // A mark whose pixels average lighter than this share of the way from the darkest ink to the background is shaded.
    private const double ShadedLevel = 0.5;

    /// <summary>
    /// Paints over, with the background, every mark in <paramref name="line"/> (gray, dark ink on light) that is not a
    /// glyph. Glyphs are the solid marks (not one- or two-pixel lines); a thin mark is kept when it stays within their
    /// rows (an l, an i, a hyphen) and erased when it runs past them above and below (a side, a caret) or lies under a
    /// glyph, below the baseline (an underline; an underscore between words is kept).
    /// </summary>
    /// <returns>How many marks were erased besides the background.</returns>
    public static int EraseNonGlyphs(Mat line)
    {
        using var ink = new Mat();
        Cv2.Threshold(line, ink, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        using var labels = new Mat();
        var marks = Marks(ink, labels);
        if (marks.Count < 2)
        {
            return 0;
        }
        // The line's glyphs are the marks of about the usual height (x-height to ascender and descender span less
        // than this factor); a side, a frame or a scroll bar beside the text is taller than all of them.
        // Specks and flat rules (two pixels high or less) say nothing about the height of the text.
        var tall = marks.Where(m => m.Height > 2).Select(m => m.Height).Order().ToList();
        if (tall.Count == 0)
        {
            return 0;
        }
        var usual = tall[tall.Count / 2];
        var glyphs = marks.Where(m => m.Height > 2 && m.Height * 5 <= usual * 8).ToList();
        var top = glyphs.Min(m => m.Y);
        var bottom = glyphs.Max(m => m.Bottom);
        // Most glyphs stand on the baseline; descenders go below it.
        var baseline = glyphs.Select(m => m.Bottom).Order().ElementAt(glyphs.Count / 2);
        var erase = new List<int>();
        foreach (var mark in marks.Where(m => m.IsThin))
        {
            var runsPast = mark.Y < top - 1 && mark.Bottom > bottom + 1;
            var underline = mark.Width > mark.Height && mark.Y >= baseline - 1 &&
                glyphs.Any(g => g.Bottom <= mark.Y + 1 && Math.Min(g.Right, mark.Right) - Math.Max(g.X, mark.X) >= mark.Width / 2);
            if (runsPast || underline || IsStraySpeck(mark, glyphs, top, bottom))
            {
                erase.Add(mark.Label);
            }
        }
        // An icon beside a label (Qt's round "Yes" icon read as "@y") is shaded: its pixels average far lighter than
        // the text's ink, whose strokes reach the darkest level. Only solid marks are judged: thin strokes are all fringe.
        Cv2.MinMaxLoc(line, out double darkest, out double lightest);
        foreach (var mark in marks.Where(m => !m.IsThin && m.Height > 2 && m.Width > 2))
        {
            using var one = new Mat();
            Cv2.Compare(labels, new Scalar(mark.Label), one, CmpTypes.EQ);
            if (Cv2.Mean(line, one).Val0 > darkest + (lightest - darkest) * ShadedLevel)
            {
                erase.Add(mark.Label);
            }
        }
        // Everything that is not a kept glyph or its anti-aliased fringe becomes background: the other marks, and the
        // light halves of sunken borders and shadows that no threshold calls ink.
        using var keep = new Mat();
        Cv2.Compare(labels, new Scalar(0), keep, CmpTypes.GT);
        foreach (var label in erase)
        {
            using var one = new Mat();
            Cv2.Compare(labels, new Scalar(label), one, CmpTypes.EQ);
            keep.SetTo(Scalar.All(0), one);
        }
        Cv2.Dilate(keep, keep, null);
        using var rest = new Mat();
        Cv2.BitwiseNot(keep, rest);
        Cv2.MinMaxLoc(line, out _, out double background);
        line.SetTo(new Scalar(background), rest);
        return erase.Count;
    }

    /// <summary>
    /// Evens out, in place, solid blocks taller than the line's glyphs in <paramref name="line"/> (gray, mostly dark
    /// ink on light): a block with light glyphs in it (a block cursor over a letter, a selected word) is inverted to dark
    /// on light like the rest; a block without any (the end of a scroll bar, a bar of colour) becomes background.
    /// Tesseract reads a letter under a block cursor as another one ("Bear" for "Dear") or not at all.
    /// </summary>
    /// <returns>How many blocks were inverted or erased.</returns>
    public static int EvenOutBlocks(Mat line)
    {
        using var ink = new Mat();
        Cv2.Threshold(line, ink, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        using var labels = new Mat();
        var marks = Marks(ink, labels);
        // The usual height of the line's marks; a block cursor or a bar beside the text is at least as tall.
        var heights = marks.Where(m => m.Height > 2).Select(m => m.Height).Order().ToList();
        if (heights.Count < 2)
        {
            return 0;
        }
        var usual = heights[heights.Count / 2];
        Cv2.MinMaxLoc(line, out _, out double background);
        var changed = 0;
        foreach (var block in marks.Where(m => m.Width >= 5 && m.Height >= usual))
        {
            var box = new Rect(block.X, block.Y, block.Width, block.Height);
            using var blockInk = ink[box];
            // A block is a filled rectangle: ink all round its box. Glyphs, even bold ones (M, E, B), leave gaps there.
            if (!IsBoxed(blockInk))
            {
                continue;
            }
            using var area = line[box];
            // Light pixels inside the block's box: a glyph drawn in the background colour, or nothing but its corners.
            var light = block.Width * block.Height - Cv2.CountNonZero(blockInk);
            if (light * 10 >= block.Width * block.Height)
            {
                Cv2.BitwiseNot(area, area);
            }
            else
            {
                area.SetTo(new Scalar(background));
            }
            changed++;
        }
        return changed;
    }

    /// <summary>The connected marks of a 0/255 ink image; <paramref name="labels"/> receives the map of pixels to <see cref="Mark.Label"/>.</summary>
    private static List<Mark> Marks(Mat ink, Mat labels)
    {
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(ink, labels, stats, centroids, PixelConnectivity.Connectivity8);
        var marks = new List<Mark>(count);
        for (var i = 1; i < count; i++)
        {
            marks.Add(new Mark(i,
                stats.At<int>(i, (int)ConnectedComponentsTypes.Left), stats.At<int>(i, (int)ConnectedComponentsTypes.Top),
                stats.At<int>(i, (int)ConnectedComponentsTypes.Width), stats.At<int>(i, (int)ConnectedComponentsTypes.Height),
                stats.At<int>(i, (int)ConnectedComponentsTypes.Area)));
        }
        return marks;
    }

    /// <summary>Whether nearly every pixel on the edge of <paramref name="ink"/> (a mark's box, 0/255) is ink.</summary>
    private static bool IsBoxed(Mat ink)
    {
        var (width, height) = (ink.Width, ink.Height);
        using var top = ink.Row(0);
        using var bottom = ink.Row(height - 1);
        using var left = ink.Col(0);
        using var right = ink.Col(width - 1);
        var edge = Cv2.CountNonZero(top) + Cv2.CountNonZero(bottom) + Cv2.CountNonZero(left) + Cv2.CountNonZero(right);
        return edge * 10 >= (2 * (width + height)) * 9;
    }

    /// <summary>
    /// A speck above or below every glyph with no glyph under or over it: the rounded corner of a field or a fleck of a
    /// border, which Tesseract reads as a quote. The dot of an i or a j stands over its stem.
    /// </summary>
    private static bool IsStraySpeck(Mark mark, List<Mark> glyphs, int top, int bottom) =>
        mark.Width <= 2 && mark.Height <= 2 && (mark.Bottom <= top || mark.Y >= bottom) &&
        !glyphs.Any(g => g.X <= mark.Right && mark.X <= g.Right);

    private readonly record struct Mark(int Label, int X, int Y, int Width, int Height, int Area)
    {
        public int Right => X + Width;

        public int Bottom => Y + Height;

        /// <summary>
        /// Lines one or two pixels wide, alone or joined (a side and the top of a frame): no more ink than two pixels
        /// along its width and height. Thin glyphs (l, 1, L, T) are thin too; where they stand tells them apart.
        /// </summary>
        public bool IsThin => Area <= 2 * (Width + Height);
    }
}
