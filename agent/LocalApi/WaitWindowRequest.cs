namespace Dispatch.Agent.LocalApi;

/// <summary>Waits for a window to be shown.</summary>
/// <param name="Title">A window whose title contains this (case-insensitive).</param>
/// <param name="TimeoutSeconds">How long to wait.</param>
public sealed record WaitWindowRequest(string Title, double TimeoutSeconds);
