namespace Dispatch.Engine.Geometry;

/// <summary>A width and height in pixels.</summary>
public readonly record struct Size(int Width, int Height)
{
    /// <summary>Width × height.</summary>
    public long Area => (long)Width * Height;

    /// <inheritdoc/>
    public override string ToString() => $"{Width}x{Height}";

    /// <summary>Parses <c>WIDTHxHEIGHT</c> (e.g. <c>1280x800</c>), the form <see cref="ToString"/> prints.</summary>
    /// <exception cref="FormatException">The text is not two positive integers joined by 'x'.</exception>
    public static Size Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('x');
        if (parts.Length == 2 && int.TryParse(parts[0], out var width) && int.TryParse(parts[1], out var height) && width > 0 && height > 0)
        {
            return new Size(width, height);
        }
        throw new FormatException($"'{text}' is not a size; expected WIDTHxHEIGHT with positive numbers, e.g. 1280x800.");
    }
}
