using Dispatch.Engine.Actions;
using Dispatch.Engine.Safety;

namespace Dispatch.Engine.Loop;

/// <summary>An action a planner proposes, in the model's screenshot coordinates, with the risk it asks for (may only raise).</summary>
/// <param name="Action">The action.</param>
/// <param name="Risk">The least risk the planner wants it treated with.</param>
/// <param name="IsSecret">The text it types is secret (a token, an account number): redacted in requests and the journal.</param>
public sealed record PlannedAction(ComputerAction Action, RiskLevel Risk = RiskLevel.Harmless, bool IsSecret = false);
