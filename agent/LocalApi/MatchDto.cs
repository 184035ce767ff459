namespace Dispatch.Agent.LocalApi;

/// <summary>A match or near miss of a locator.</summary>
/// <param name="Channel">Which channel found it: accessibility, ocr, image, point.</param>
/// <param name="Description">What it is, in words.</param>
/// <param name="Score">How well it fits, 0–1.</param>
/// <param name="Bounds">Where it is; null when a near miss has no place.</param>
/// <param name="Summary">One line, as <c>dispatch find</c> prints it.</param>
public sealed record MatchDto(string Channel, string Description, double Score, BoundsDto? Bounds, string Summary);
