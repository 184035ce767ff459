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
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(ink, labels, stats, centroids, PixelConnectivity.Connectivity8);
        if (count <= 2)
        {
            return 0;
        }
        var marks = new Mark[count - 1];
        for (var i = 1; i < count; i++)
        {
            marks[i - 1] = new Mark(i,
                stats.At<int>(i, (int)ConnectedComponentsTypes.Left), stats.At<int>(i, (int)ConnectedComponentsTypes.Top),
                stats.At<int>(i, (int)ConnectedComponentsTypes.Width), stats.At<int>(i, (int)ConnectedComponentsTypes.Height),
                stats.At<int>(i, (int)ConnectedComponentsTypes.Area));
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
