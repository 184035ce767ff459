using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Locators;

/// <summary>An element a locator found, with the channel that found it and how well it matched.</summary>
/// <param name="Channel">Which channel found it.</param>
/// <param name="Bounds">Where it is, in screen pixels.</param>
/// <param name="Score">0–1: 1 is an exact match.</param>
/// <param name="Description">What was found, for people, e.g. <c>push button "Save"</c> or <c>OCR "Save"</c>.</param>
/// <param name="Node">The accessible element, for accessibility matches.</param>
public sealed record ElementMatch(MatchChannel Channel, Rect Bounds, double Score, string Description, UiNode? Node = null)
{
    /// <summary>
    /// The accessibility snapshot the match was read from (for accessibility matches), so a step can go on from what the
    /// search perceived instead of reading the tree again.
    /// </summary>
    public UiTree? Tree { get; init; }

    /// <summary>Pixels between its edge and the anchor's in the locator's relation (<c>right of</c>, <c>near</c>…); 0 without one.</summary>
    public int Distance { get; init; }

    /// <summary>The locator that found it (to find it again).</summary>
    public Locator? FoundBy { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Channel} {Description} {Score:0.00} at {Bounds}";
}
