namespace Dispatch.Agent.LocalApi;

/// <summary>A program to start on the desktop, waiting for its window.</summary>
/// <param name="Program">A program name on PATH or a path (no shell line).</param>
/// <param name="Arguments">Its arguments, one by one.</param>
/// <param name="WindowTitle">Wait for a window whose title contains this; null: the program's (or its children's) first window.</param>
/// <param name="TimeoutSeconds">How long the window may take.</param>
/// <param name="OutputPath">The file its output is appended to (absolute); null: discarded.</param>
/// <param name="WorkingDirectory">Where it runs (absolute); null: where the engine runs.</param>
public sealed record LaunchRequest(string Program, IReadOnlyList<string> Arguments, string? WindowTitle, double TimeoutSeconds, string? OutputPath,
    string? WorkingDirectory);
