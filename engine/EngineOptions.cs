namespace Dispatch.Engine;

/// <summary>What <see cref="EngineServices.AddDispatchEngine"/> builds the engine for.</summary>
public sealed record EngineOptions
{
    /// <summary>The display and how to connect to it.</summary>
    public DesktopOptions Desktop { get; init; } = new();

    /// <summary>The journal every step is written to; null registers none (a caller that only perceives).</summary>
    public string? JournalPath { get; init; }

    /// <summary>The one clock of every service; the system clock when null.</summary>
    public TimeProvider? Time { get; init; }
}
