namespace Dispatch.Engine.Recording;

/// <summary>One way to find a recorded step's target again, in the locator language, with the channel it relies on.</summary>
/// <param name="Channel"><c>accessibility</c>, <c>text</c> (OCR), <c>image</c> (a crop of the target), <c>window</c> (a point relative to the window), or <c>screen</c> (the recorded point).</param>
/// <param name="Locator">The locator; for <c>window</c> and <c>screen</c>, a point locator.</param>
public sealed record RecordedLocator(string Channel, string Locator);
