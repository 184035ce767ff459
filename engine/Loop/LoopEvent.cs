using Dispatch.Engine.Actions;
using Dispatch.Engine.Safety;

namespace Dispatch.Engine.Loop;

/// <summary>One moment of a running task: what a person following it on a phone, or an MCP client, is told.</summary>
/// <param name="TaskId">The run it belongs to.</param>
/// <param name="Task">The task as given.</param>
/// <param name="Sequence">Its place among the run's events, from 1.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Step">The step's number, from 1; 0 for the task's start and end.</param>
/// <param name="Time">When it happened.</param>
public sealed record LoopEvent(Guid TaskId, string Task, int Sequence, LoopEventKind Kind, int Step, DateTimeOffset Time)
{
    /// <summary>The step's action as tool JSON, secrets redacted.</summary>
    public string? Action { get; init; }

    /// <summary>The plain sentence of what the step does, once classified.</summary>
    public string? Sentence { get; init; }

    /// <summary>Its risk, once classified.</summary>
    public RiskLevel? Risk { get; init; }

    /// <summary>Why it has that risk.</summary>
    public string? Reason { get; init; }

    /// <summary>Whether it may run, once decided.</summary>
    public StepDecision? Decision { get; init; }

    /// <summary>Who or what decided.</summary>
    public string? DecidedBy { get; init; }

    /// <summary>How the step ended.</summary>
    public StepOutcome? Outcome { get; init; }

    /// <summary>The error, the reason it did not run, or the task's end message.</summary>
    public string? Detail { get; init; }

    /// <summary>The screen areas the step changed.</summary>
    public IReadOnlyList<string>? Changes { get; init; }

    /// <summary>A small JPEG of the screen after the step, base64.</summary>
    public string? Thumbnail { get; init; }

    /// <summary>Why the task ended (<see cref="LoopEventKind.Finished"/> only).</summary>
    public LoopOutcome? Finished { get; init; }
}
