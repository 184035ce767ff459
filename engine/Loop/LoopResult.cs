namespace Dispatch.Engine.Loop;

/// <summary>How a run ended and what it did.</summary>
/// <param name="Outcome">Why it ended.</param>
/// <param name="Message">The planner's summary or question, or what stopped it.</param>
/// <param name="Steps">Every step taken.</param>
public sealed record LoopResult(LoopOutcome Outcome, string Message, IReadOnlyList<StepRecord> Steps);
