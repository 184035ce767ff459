namespace Dispatch.Agent.LocalApi;

/// <summary>An accessibility snapshot.</summary>
/// <param name="Scope">What was walked, in words.</param>
/// <param name="Root">The scope's root element.</param>
/// <param name="NodeCount">Elements read.</param>
/// <param name="IsPartial">A limit cut the walk short.</param>
/// <param name="PartialReason">Which limit, or which app did not answer.</param>
/// <param name="ElapsedMilliseconds">How long the walk took.</param>
public sealed record TreeReply(string Scope, ElementDto Root, int NodeCount, bool IsPartial, string? PartialReason, double ElapsedMilliseconds);
