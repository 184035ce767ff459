namespace Dispatch.Agent.LocalApi;

/// <summary>What a running host says about itself.</summary>
/// <param name="Host">Who it is and where it listens.</param>
/// <param name="Tasks">Tasks it remembers (the latest 100).</param>
/// <param name="Running">Tasks running now.</param>
public sealed record HostStatusReply(HostRecord Host, int Tasks, int Running);
