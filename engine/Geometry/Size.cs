namespace Dispatch.Engine.Geometry;

/// <summary>A width and height in pixels.</summary>
public readonly record struct Size(int Width, int Height)
{
    /// <summary>Width × height.</summary>
    public long Area => (long)Width * Height;

    /// <inheritdoc/>
    public override string ToString() => $"{Width}x{Height}";
}
