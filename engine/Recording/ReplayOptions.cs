namespace Dispatch.Engine.Recording;

/// <summary>How a session is replayed.</summary>
public sealed record ReplayOptions
{
    /// <summary>How long each step may wait for its target and its postcondition (default 10 s); never a recorded delay.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>When true, a step found only by a lower-priority locator fails instead of healing.</summary>
    public bool NoHeal { get; init; }

    /// <summary>
    /// When true, each step also waits out the person's recorded pause before it (<c>--speed original</c>), for comparing
    /// against the recording; by default a replay waits only on conditions.
    /// </summary>
    public bool OriginalSpeed { get; init; }

    /// <summary>When set, the screen after each step is kept there as <c>replay-NNNN-after.png</c> (for reports).</summary>
    public string? EvidenceFolder { get; init; }
}
