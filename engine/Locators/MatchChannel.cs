namespace Dispatch.Engine.Locators;

/// <summary>How an element was found.</summary>
public enum MatchChannel
{
    /// <summary>The accessibility tree.</summary>
    Accessibility,

    /// <summary>Text read from the pixels (OCR).</summary>
    Ocr,

    /// <summary>An image template matched on the pixels.</summary>
    Image,

    /// <summary>A fixed point given by the query.</summary>
    Point,

    /// <summary>A control's shape on the pixels, e.g. the light box of an entry field beside its label.</summary>
    Shape,
}
