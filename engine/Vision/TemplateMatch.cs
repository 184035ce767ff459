using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Vision;

/// <summary>Where a template image was found.</summary>
/// <param name="Bounds">The matched area in screen pixels.</param>
/// <param name="Score">Normalised correlation at full resolution, −1 to 1 (1 is identical).</param>
/// <param name="Scale">The template scale that matched (1 unless multi-scale search was asked for).</param>
public sealed record TemplateMatch(Rect Bounds, double Score, double Scale);
