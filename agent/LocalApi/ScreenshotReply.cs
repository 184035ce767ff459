namespace Dispatch.Agent.LocalApi;

/// <summary>An encoded capture and what it cost.</summary>
/// <param name="Image">The encoded image.</param>
/// <param name="Width">Its width in pixels.</param>
/// <param name="Height">Its height in pixels.</param>
/// <param name="Area">The screen area captured.</param>
/// <param name="CaptureMilliseconds">Time to capture.</param>
/// <param name="Method">How it was captured (shared memory or not).</param>
/// <param name="EncodeMilliseconds">Time to encode.</param>
public sealed record ScreenshotReply(byte[] Image, int Width, int Height, BoundsDto Area, double CaptureMilliseconds, string Method, double EncodeMilliseconds);
