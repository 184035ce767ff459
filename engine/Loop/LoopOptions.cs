namespace Dispatch.Engine.Loop;

/// <summary>Budgets and modes of a loop run.</summary>
public sealed record LoopOptions
{
    /// <summary>The most steps a run may attempt.</summary>
    public int MaxSteps { get; init; } = 50;

    /// <summary>The longest a run may take, measured on the loop's clock.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The same action with no visible effect this many times in a row stops the run as stuck.</summary>
    public int StuckAfter { get; init; } = 3;

    /// <summary>
    /// The planner speaks screen pixels (a recipe, the CLI) rather than the model screenshot's coordinates, and is
    /// shown full-size screenshots.
    /// </summary>
    public bool ScreenCoordinates { get; init; }

    /// <summary>Classify and journal every action without carrying any out.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Run irreversible steps without asking: only for a person scripting their own desktop (<c>--no-gate</c>). Every
    /// step is still classified, and the journal records it as ungated.
    /// </summary>
    public bool Ungated { get; init; }

    /// <summary>The run's id in its events; a new one when null.</summary>
    public Guid? TaskId { get; init; }
}
