namespace Dispatch.Engine.Capture;

/// <summary>An image file format for screenshots.</summary>
public enum ImageFormat
{
    /// <summary>Lossless, ~50 ms and ~280 KiB for a 1080p desktop at level 1.</summary>
    Png,

    /// <summary>Lossy, fastest (~6 ms) but blurs text.</summary>
    Jpeg,

    /// <summary>Lossless WebP: smallest (~46 KiB for a desktop) but slowest (~110 ms).</summary>
    WebP,
}
