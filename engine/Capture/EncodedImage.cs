using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Capture;

/// <summary>An encoded screenshot and how its pixels map back to the screen.</summary>
/// <param name="Bytes">The file's bytes.</param>
/// <param name="Format">The format of <paramref name="Bytes"/>.</param>
/// <param name="Mapping">From image pixels to screen pixels and back, exactly.</param>
public sealed record EncodedImage(byte[] Bytes, ImageFormat Format, ScaleMapping Mapping)
{
    /// <summary>The image's size in pixels.</summary>
    public Size Size => Mapping.Target;

    /// <summary>The MIME type, e.g. <c>image/png</c>.</summary>
    public string MediaType => Format switch
    {
        ImageFormat.Png => "image/png",
        ImageFormat.Jpeg => "image/jpeg",
        _ => "image/webp",
    };
}
