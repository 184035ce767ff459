namespace Dispatch.Engine.Loop;

/// <summary>Budgets and modes of a loop run.</summary>
public sealed record LoopOptions
{
    /// <summary>The most actions a run may take.</summary>
    public int MaxSteps { get; init; } = 50;

    /// <summary>The longest a run may take.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The same action with no visible effect this many times in a row stops the run as stuck.</summary>
    public int StuckAfter { get; init; } = 3;

    /// <summary>Classify and journal every action without carrying any out.</summary>
    public bool DryRun { get; init; }
}
