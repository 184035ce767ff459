namespace Dispatch.Agent.LocalApi;

/// <summary>A started program and its window.</summary>
/// <param name="ProcessId">The program's process.</param>
/// <param name="Window">Its window that was waited for.</param>
/// <param name="ElapsedMilliseconds">From the start to the window.</param>
public sealed record LaunchReply(int ProcessId, WindowDto Window, double ElapsedMilliseconds);
