namespace Dispatch.Engine.Windowing;

/// <summary>
/// A program to start on the desktop with <see cref="IWindowManager.LaunchAsync(AppLaunch, CancellationToken)"/>: it runs in
/// a session of its own and outlives the process that started it (a script's <c>dispatch launch</c> ends at once; the app
/// stays), with the desktop's environment and what its toolkit needs to be accessible.
/// </summary>
/// <param name="Program">A name on <c>PATH</c> or a path; never a shell line.</param>
/// <param name="Arguments">Its arguments, passed one by one.</param>
public sealed record AppLaunch(string Program, IReadOnlyList<string> Arguments)
{
    /// <summary>Variables set on top of this process's environment (the desktop's DISPLAY, session bus…); a null value removes one.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Its working directory; this process's when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// Wait for a window whose title contains this (case-insensitive); when null, for the first visible window of the program's
    /// process or of a process it started (a launcher script, a shell).
    /// </summary>
    public string? WindowTitle { get; init; }

    /// <summary>How long the window may take; the program is killed when it does not show one in time.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The file its standard output and error are appended to; discarded when null. Its input is empty.</summary>
    public string? OutputPath { get; init; }

    /// <summary>One line, as a shell would show it.</summary>
    public override string ToString() => string.Join(' ', new[] { Program }.Concat(Arguments).Select(a => a.Any(char.IsWhiteSpace) || a.Length == 0 ? $"'{a}'" : a));
}
