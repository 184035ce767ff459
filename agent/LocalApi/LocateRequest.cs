namespace Dispatch.Agent.LocalApi;

/// <summary>Finds the one element a locator names, for a command that acts at its place or reads it.</summary>
/// <param name="Locator">The locator.</param>
/// <param name="WaitSeconds">Wait up to this long for a match.</param>
/// <param name="First">Take the best of several matches instead of refusing them as ambiguous.</param>
/// <param name="ReadText">Also read its text: by accessibility (its text, else its name), else by OCR of its place.</param>
public sealed record LocateRequest(string Locator, double WaitSeconds, bool First, bool ReadText);
