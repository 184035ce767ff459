namespace Dispatch.Engine.Geometry;

/// <summary>A position in physical pixels of the X screen, origin top-left.</summary>
public readonly record struct Point(int X, int Y)
{
    /// <summary>Returns this point moved by <paramref name="dx"/>, <paramref name="dy"/>.</summary>
    public Point Offset(int dx, int dy) => new(X + dx, Y + dy);

    /// <summary>The straight-line distance to <paramref name="other"/>, in pixels.</summary>
    public double DistanceTo(Point other) => Math.Sqrt(Math.Pow(X - other.X, 2) + Math.Pow(Y - other.Y, 2));

    /// <inheritdoc/>
    public override string ToString() => $"{X},{Y}";

    /// <summary>Parses <c>x,y</c> (e.g. <c>640,400</c>).</summary>
    /// <exception cref="FormatException">The text is not two integers separated by a comma.</exception>
    public static Point Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && int.TryParse(parts[0], out var x) && int.TryParse(parts[1], out var y))
        {
            return new Point(x, y);
        }
        throw new FormatException($"'{text}' is not a point; expected 'x,y' with two integers, e.g. '640,400'.");
    }
}
