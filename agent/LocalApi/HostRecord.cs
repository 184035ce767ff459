namespace Dispatch.Agent.LocalApi;

/// <summary>Who hosts a display: written by the host when it starts listening.</summary>
/// <param name="Display">The display.</param>
/// <param name="ProcessId">The host's process.</param>
/// <param name="Socket">Its socket.</param>
/// <param name="Journal">Its journal.</param>
/// <param name="Started">When it started.</param>
/// <param name="IsVirtual">It started the display itself.</param>
public sealed record HostRecord(string Display, int ProcessId, string Socket, string Journal, DateTimeOffset Started, bool IsVirtual);
