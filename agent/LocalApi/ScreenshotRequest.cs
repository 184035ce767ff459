namespace Dispatch.Agent.LocalApi;

/// <summary>Capture the screen or <paramref name="Region"/> and encode it.</summary>
/// <param name="Region">x,y,width,height in screen pixels; null for the whole screen.</param>
/// <param name="Format">png, jpeg or webp.</param>
/// <param name="Scale">WIDTHxHEIGHT to downscale to; null keeps the size.</param>
public sealed record ScreenshotRequest(string? Region, string Format, string? Scale);
