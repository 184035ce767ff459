namespace Dispatch.Engine.Accessibility;

/// <summary>What an accessibility walk covers.</summary>
public sealed record UiScope
{
    private UiScope(string? application, int? processId, string? window)
    {
        ApplicationName = application;
        ProcessId = processId;
        WindowTitle = window;
    }

    /// <summary>Every application.</summary>
    public static UiScope Desktop { get; } = new(null, null, null);

    /// <summary>The application whose accessible name (e.g. <c>gnome-calculator</c>) matches, ignoring case.</summary>
    public static UiScope Application(string name) => new(name, null, null);

    /// <summary>The application of a process.</summary>
    public static UiScope Process(int processId) => new(null, processId, null);

    /// <summary>The top-level window whose title contains <paramref name="title"/>, ignoring case.</summary>
    public static UiScope Window(string title) => new(null, null, title);

    /// <summary>The application name to match, or null.</summary>
    public string? ApplicationName { get; }

    /// <summary>The process to match, or null.</summary>
    public int? ProcessId { get; }

    /// <summary>The window title to match, or null.</summary>
    public string? WindowTitle { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        ApplicationName is not null ? $"application '{ApplicationName}'"
        : ProcessId is not null ? $"process {ProcessId}"
        : WindowTitle is not null ? $"window '{WindowTitle}'"
        : "the desktop";
}
