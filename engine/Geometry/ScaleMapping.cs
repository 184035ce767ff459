namespace Dispatch.Engine.Geometry;

/// <summary>
/// Maps between a rectangle of the screen and an image of another size made from it (a downscaled screenshot
/// for a model). Integer arithmetic only, so that a point of the image mapped to the screen and back is the same
/// point, for every point and every size.
/// </summary>
public sealed record ScaleMapping
{
    /// <summary>Creates a mapping from <paramref name="source"/> (screen pixels) to an image of <paramref name="target"/> size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or the target is larger than the source.</exception>
    public ScaleMapping(Rect source, Size target)
    {
        if (source.IsEmpty)
        {
            throw new ArgumentOutOfRangeException(nameof(source), source, "The source rectangle must not be empty.");
        }
        if (target.Width <= 0 || target.Height <= 0 || target.Width > source.Width || target.Height > source.Height)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target,
                $"The target size must be positive and no larger than the source {source.Size}; only downscaling keeps every image pixel on a screen pixel.");
        }
        Source = source;
        Target = target;
    }

    /// <summary>The screen rectangle the image shows.</summary>
    public Rect Source { get; }

    /// <summary>The image's size.</summary>
    public Size Target { get; }

    /// <summary>True when the image has the source's size (no scaling).</summary>
    public bool IsIdentity => Source.Size == Target;

    /// <summary>
    /// The screen pixel an image pixel stands for: the middle of the screen pixels it covers.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The point lies outside the image.</exception>
    public Point ToScreen(Point imagePoint)
    {
        if (imagePoint.X < 0 || imagePoint.Y < 0 || imagePoint.X >= Target.Width || imagePoint.Y >= Target.Height)
        {
            throw new ArgumentOutOfRangeException(nameof(imagePoint), imagePoint,
                $"The point {imagePoint} is off the {(IsIdentity ? "screen" : $"{Target} image")}; expected 0 <= x < {Target.Width} and 0 <= y < {Target.Height}.");
        }
        return new Point(
            Source.X + ToSource(imagePoint.X, Source.Width, Target.Width),
            Source.Y + ToSource(imagePoint.Y, Source.Height, Target.Height));
    }

    /// <summary>The image pixel that covers a screen pixel.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The point lies outside <see cref="Source"/>.</exception>
    public Point ToImage(Point screenPoint)
    {
        if (!Source.Contains(screenPoint))
        {
            throw new ArgumentOutOfRangeException(nameof(screenPoint), screenPoint, $"The point {screenPoint} lies outside the mapped screen area {Source}.");
        }
        return new Point(
            (int)((long)(screenPoint.X - Source.X) * Target.Width / Source.Width),
            (int)((long)(screenPoint.Y - Source.Y) * Target.Height / Source.Height));
    }

    /// <summary>The screen rectangle an image rectangle covers.</summary>
    public Rect ToScreen(Rect imageRect)
    {
        var left = FirstSource(imageRect.X, Source.Width, Target.Width);
        var top = FirstSource(imageRect.Y, Source.Height, Target.Height);
        var right = FirstSource(imageRect.Right, Source.Width, Target.Width);
        var bottom = FirstSource(imageRect.Bottom, Source.Height, Target.Height);
        return Rect.FromEdges(Source.X + left, Source.Y + top, Source.X + right, Source.Y + bottom);
    }

    // Image pixel m covers source pixels s with floor(s * target / source) == m, i.e. FirstSource(m) .. FirstSource(m + 1) - 1.
    private static int FirstSource(int m, int source, int target) => (int)(((long)m * source + target - 1) / target);

    private static int ToSource(int m, int source, int target)
    {
        var first = FirstSource(m, source, target);
        var last = FirstSource(m + 1, source, target) - 1;
        var middle = (int)(((2L * m + 1) * source) / (2L * target));
        return Math.Clamp(middle, first, last);
    }
}
