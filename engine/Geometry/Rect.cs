namespace Dispatch.Engine.Geometry;

/// <summary>
/// An axis-aligned rectangle in physical pixels of the X screen: <see cref="X"/>, <see cref="Y"/> is the
/// top-left pixel inside it, <see cref="Right"/> and <see cref="Bottom"/> are exclusive.
/// </summary>
public readonly record struct Rect(int X, int Y, int Width, int Height)
{
    /// <summary>Creates the rectangle spanning <paramref name="left"/>..<paramref name="right"/> (exclusive) and <paramref name="top"/>..<paramref name="bottom"/> (exclusive).</summary>
    public static Rect FromEdges(int left, int top, int right, int bottom) => new(left, top, right - left, bottom - top);

    /// <summary>The exclusive right edge.</summary>
    public int Right => X + Width;

    /// <summary>The exclusive bottom edge.</summary>
    public int Bottom => Y + Height;

    /// <summary>The top-left corner.</summary>
    public Point Location => new(X, Y);

    /// <summary>The width and height.</summary>
    public Size Size => new(Width, Height);

    /// <summary>The pixel at the centre (rounded towards the top-left).</summary>
    public Point Center => new(X + Width / 2, Y + Height / 2);

    /// <summary>True when the rectangle holds no pixel.</summary>
    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <summary>Width × height, or 0 when empty.</summary>
    public long Area => IsEmpty ? 0 : (long)Width * Height;

    /// <summary>True when the pixel <paramref name="point"/> lies inside.</summary>
    public bool Contains(Point point) => point.X >= X && point.X < Right && point.Y >= Y && point.Y < Bottom;

    /// <summary>True when every pixel of <paramref name="other"/> lies inside (an empty rectangle lies inside any).</summary>
    public bool Contains(Rect other) =>
        // In 64 bits: a far corner past int.MaxValue must not wrap round to look inside.
        other.IsEmpty || (other.X >= X && other.Y >= Y && (long)other.X + other.Width <= (long)X + Width && (long)other.Y + other.Height <= (long)Y + Height);

    /// <summary>True when the two rectangles share at least one pixel.</summary>
    public bool IntersectsWith(Rect other) =>
        !IsEmpty && !other.IsEmpty && other.X < Right && X < other.Right && other.Y < Bottom && Y < other.Bottom;

    /// <summary>The pixels both rectangles share; empty (0×0 at the origin) when they share none.</summary>
    public Rect Intersect(Rect other)
    {
        var left = Math.Max(X, other.X);
        var top = Math.Max(Y, other.Y);
        var right = Math.Min(Right, other.Right);
        var bottom = Math.Min(Bottom, other.Bottom);
        return right > left && bottom > top ? FromEdges(left, top, right, bottom) : default;
    }

    /// <summary>The smallest rectangle holding both; an empty operand is ignored.</summary>
    public Rect Union(Rect other)
    {
        if (IsEmpty)
        {
            return other;
        }
        if (other.IsEmpty)
        {
            return this;
        }
        return FromEdges(Math.Min(X, other.X), Math.Min(Y, other.Y), Math.Max(Right, other.Right), Math.Max(Bottom, other.Bottom));
    }

    /// <summary>This rectangle grown by <paramref name="margin"/> pixels on every side.</summary>
    public Rect Inflate(int margin) => new(X - margin, Y - margin, Width + 2 * margin, Height + 2 * margin);

    /// <summary>This rectangle moved by <paramref name="dx"/>, <paramref name="dy"/>.</summary>
    public Rect Offset(int dx, int dy) => new(X + dx, Y + dy, Width, Height);

    /// <inheritdoc/>
    public override string ToString() => $"{X},{Y} {Width}x{Height}";

    /// <summary>Parses <c>x,y,width,height</c> (also accepts <c>x,y wxh</c>, the form <see cref="ToString"/> prints).</summary>
    /// <exception cref="FormatException">The text is not four integers, or the width or height is not positive.</exception>
    public static Rect Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split([',', ' ', 'x'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 4
            && int.TryParse(parts[0], out var x) && int.TryParse(parts[1], out var y)
            && int.TryParse(parts[2], out var width) && int.TryParse(parts[3], out var height))
        {
            if (width <= 0 || height <= 0)
            {
                throw new FormatException($"'{text}' has a width or height that is not positive; expected both > 0.");
            }
            if ((long)x + width > int.MaxValue || (long)y + height > int.MaxValue)
            {
                throw new FormatException($"'{text}' reaches past {int.MaxValue} pixels; expected a rectangle on the screen.");
            }
            return new Rect(x, y, width, height);
        }
        throw new FormatException($"'{text}' is not a rectangle; expected 'x,y,width,height' with four integers, e.g. '0,0,200,100'.");
    }
}
