using Dispatch.Engine.Actions;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Loop;

/// <summary>What a planner gets each turn.</summary>
/// <param name="Task">The person's request.</param>
/// <param name="Observation">The latest settled screen.</param>
/// <param name="Mapping">From the model's screenshot to the screen (coordinates in actions use the screenshot's).</param>
/// <param name="History">The steps so far.</param>
public sealed record PlannerContext(string Task, Observation Observation, ScaleMapping Mapping, IReadOnlyList<StepRecord> History);
