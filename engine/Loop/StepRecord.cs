using Dispatch.Engine.Actions;
using Dispatch.Engine.Safety;

namespace Dispatch.Engine.Loop;

/// <summary>One step the loop took, as the planner sees its history.</summary>
/// <param name="Action">The action in model coordinates.</param>
/// <param name="Risk">How it was classified.</param>
/// <param name="Decision">allowed, approved, denied, timed out or dry run.</param>
/// <param name="Effect">What it visibly did.</param>
public sealed record StepRecord(ComputerAction Action, RiskAssessment Risk, string Decision, ActionEffect Effect);
