using Dispatch.Engine.Geometry;
using OpenCvSharp;
using Rect = Dispatch.Engine.Geometry.Rect;
using Size = Dispatch.Engine.Geometry.Size;

namespace Dispatch.Engine.Capture;

/// <summary>Encodes frames as PNG, JPEG or lossless WebP, optionally downscaled, with an exact mapping back to the screen.</summary>
public static class FrameEncoder
{
    /// <summary>Encodes <paramref name="region"/> of <paramref name="frame"/> (all of it when null).</summary>
    /// <param name="frame">The pixels.</param>
    /// <param name="format">The file format.</param>
    /// <param name="region">Screen area inside the frame; null for the whole frame.</param>
    /// <param name="targetSize">Downscale to exactly this size (no larger than the region); null keeps the size.</param>
    /// <param name="quality">JPEG quality 1–100; PNG uses level 1 (fast) and WebP is lossless.</param>
    /// <exception cref="ArgumentOutOfRangeException">The region is outside the frame, or the target size is larger than it.</exception>
    public static EncodedImage Encode(Frame frame, ImageFormat format, Rect? region = null, Size? targetSize = null, int quality = 80)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var area = region ?? frame.Bounds;
        if (area.IsEmpty || !frame.Bounds.Contains(area))
        {
            throw new ArgumentOutOfRangeException(nameof(region), area, $"The region {area} must be non-empty and inside the frame {frame.Bounds}.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        var mapping = new ScaleMapping(area, targetSize ?? area.Size);

        using var whole = frame.AsMat();
        using var view = whole[new OpenCvSharp.Rect(area.X - frame.Bounds.X, area.Y - frame.Bounds.Y, area.Width, area.Height)];
        using var scaled = mapping.IsIdentity ? view : new Mat();
        if (!mapping.IsIdentity)
        {
            // Shrink first, then convert: the colour conversion then touches a fraction of the pixels. Area averaging
            // keeps thin text strokes visible when shrinking.
            Cv2.Resize(view, scaled, new OpenCvSharp.Size(mapping.Target.Width, mapping.Target.Height), 0, 0, InterpolationFlags.Area);
        }
        using var bgr = new Mat();
        // The fourth byte of an X pixel is padding, not alpha: drop it so viewers do not show a transparent image.
        Cv2.CvtColor(scaled, bgr, ColorConversionCodes.BGRA2BGR);
        var (extension, parameters) = format switch
        {
            ImageFormat.Png => (".png", new ImageEncodingParam(ImwriteFlags.PngCompression, 1)),
            ImageFormat.Jpeg => (".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, quality)),
            ImageFormat.WebP => (".webp", new ImageEncodingParam(ImwriteFlags.WebPQuality, 101)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Expected Png, Jpeg or WebP."),
        };
        Cv2.ImEncode(extension, bgr, out var bytes, parameters);
        return new EncodedImage(bytes, format, mapping);
    }

    /// <summary>The most pixels <see cref="Decode"/> accepts: 64 Mpx (8192×8192), 256 MiB as a frame.</summary>
    public const long MaxDecodedPixels = 64L * 1024 * 1024;

    /// <summary>Decodes a PNG, JPEG or WebP image into a frame that owns its pixels, placed at <paramref name="origin"/> on the screen.</summary>
    /// <exception cref="DispatchException">
    /// The bytes are not one of those formats, or the header announces more than <see cref="MaxDecodedPixels"/> pixels (refused
    /// before decoding), or OpenCV cannot read them.
    /// </exception>
    public static Frame Decode(byte[] bytes, Geometry.Point origin = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var size = ImageHeader.SizeOf(bytes)
            ?? throw new DispatchException($"The {bytes.Length} bytes are not a PNG, JPEG or WebP image (or their header is cut short).");
        if ((long)size.Width * size.Height > MaxDecodedPixels)
        {
            throw new DispatchException($"The image is {size.Width}x{size.Height} pixels; at most {MaxDecodedPixels} pixels (e.g. 8192x8192) are decoded.");
        }
        using var decoded = Cv2.ImDecode(bytes, ImreadModes.Color);
        if (decoded.Empty())
        {
            throw new DispatchException($"The {bytes.Length} bytes are not an image OpenCV can read; expected PNG, JPEG or WebP.");
        }
        var frame = Frame.Create(new Rect(origin.X, origin.Y, decoded.Width, decoded.Height));
        using var target = frame.AsMat();
        Cv2.CvtColor(decoded, target, ColorConversionCodes.BGR2BGRA);
        return frame;
    }

    /// <summary>The format for a file name's extension (.png, .jpg/.jpeg, .webp).</summary>
    /// <exception cref="ArgumentException">The extension is none of those.</exception>
    public static ImageFormat FormatOf(string path)
    {
        var extension = Path.GetExtension(path).ToUpperInvariant();
        return extension switch
        {
            ".PNG" => ImageFormat.Png,
            ".JPG" or ".JPEG" => ImageFormat.Jpeg,
            ".WEBP" => ImageFormat.WebP,
            _ => throw new ArgumentException($"'{path}' has extension '{extension}'; expected .png, .jpg, .jpeg or .webp.", nameof(path)),
        };
    }
}
