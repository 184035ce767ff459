namespace Dispatch.Agent.LocalApi;

/// <summary>A rectangle in screen pixels, as the local API sends it.</summary>
public sealed record BoundsDto(int X, int Y, int Width, int Height)
{
    internal static BoundsDto From(Engine.Geometry.Rect rect) => new(rect.X, rect.Y, rect.Width, rect.Height);

    /// <summary>The CLI's spelling: <c>x,y widthxheight</c>.</summary>
    public override string ToString() => $"{X},{Y} {Width}x{Height}";
}
