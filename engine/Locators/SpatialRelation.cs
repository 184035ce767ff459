namespace Dispatch.Engine.Locators;

/// <summary>Where a match must lie relative to the anchor a locator names (<c>right of text="Customer:"</c>).</summary>
public enum SpatialRelation
{
    /// <summary>Anywhere, the nearest edge first (<c>near</c>).</summary>
    Near,

    /// <summary>Starting right of the anchor's right edge and overlapping its rows (<c>right of</c>).</summary>
    RightOf,

    /// <summary>Ending left of the anchor's left edge and overlapping its rows (<c>left of</c>).</summary>
    LeftOf,

    /// <summary>Starting below the anchor's bottom edge and overlapping its columns (<c>below</c>).</summary>
    Below,

    /// <summary>Ending above the anchor's top edge and overlapping its columns (<c>above</c>).</summary>
    Above,
}
