namespace Dispatch.Agent.LocalApi;

/// <summary>Read text on the screen, in a region of it, or in an image.</summary>
/// <param name="Region">x,y,width,height; null for everything.</param>
/// <param name="Image">An encoded image (PNG, JPEG, WebP) to read instead of the screen.</param>
public sealed record OcrRequest(string? Region, byte[]? Image);
