namespace Dispatch.Agent.LocalApi;

/// <summary>Snapshot the accessibility tree of one scope: an application, a process, a window, or the whole desktop when all are null.</summary>
/// <param name="Application">An application's accessible name.</param>
/// <param name="ProcessId">An application's process.</param>
/// <param name="Window">A top-level window's title, or part of it.</param>
/// <param name="IncludeHidden">Include elements that are not showing.</param>
public sealed record InspectRequest(string? Application, int? ProcessId, string? Window, bool IncludeHidden);
