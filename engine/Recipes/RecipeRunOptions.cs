using System.Diagnostics;

namespace Dispatch.Engine.Recipes;

/// <summary>How a <see cref="RecipePlanner"/> runs its recipe.</summary>
public sealed record RecipeRunOptions
{
    /// <summary>How long a step waits for its window, element or a still screen when it gives no <c>timeout:</c>.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a launch waits for the program's window when it gives no <c>timeout:</c> (a first GTK start builds caches).</summary>
    public TimeSpan LaunchTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where relative screenshot paths go.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>
    /// Start information for a launch step's program and arguments (e.g. with a virtual desktop's environment); when null,
    /// the program is started directly with the desktop's <c>DISPLAY</c> — never through a shell.
    /// </summary>
    public Func<string, IReadOnlyList<string>, ProcessStartInfo>? StartInfo { get; init; }

    /// <summary>
    /// Only propose the acting steps (the loop classifies and journals them without acting): launches, waits, reads,
    /// assertions and screenshots are skipped, and variables read stay empty.
    /// </summary>
    public bool DryRun { get; init; }
}
