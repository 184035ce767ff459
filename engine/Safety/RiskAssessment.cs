namespace Dispatch.Engine.Safety;

/// <summary>How the policy classified an action, and why.</summary>
/// <param name="Level">The risk.</param>
/// <param name="Reason">Which rule decided, e.g. <c>the button 'Send' matches "Send"</c>.</param>
/// <param name="Sentence">A plain sentence for the person, e.g. <c>Click 'Send' in 'New message — Mail'</c>.</param>
/// <param name="IsSecret">True when the action types a secret (its text must be redacted everywhere).</param>
public sealed record RiskAssessment(RiskLevel Level, string Reason, string Sentence, bool IsSecret);
