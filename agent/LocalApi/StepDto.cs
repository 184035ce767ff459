namespace Dispatch.Agent.LocalApi;

/// <summary>One step of a task as it ended.</summary>
/// <param name="Action">The action, as tool JSON.</param>
/// <param name="Sentence">What it does, in a sentence; null when it was never classified.</param>
/// <param name="Risk">harmless, reversible or irreversible; null when never classified.</param>
/// <param name="Reason">Why that risk.</param>
/// <param name="Decision">Who let it run or why it did not; null when never reached.</param>
/// <param name="Outcome">How it ended, in the journal's words.</param>
/// <param name="Ran">It was carried out.</param>
/// <param name="Held">It was held for a person and not carried out.</param>
/// <param name="Detail">The error or reason, when there is one.</param>
/// <param name="Output">Text the action returned.</param>
public sealed record StepDto(string Action, string? Sentence, string? Risk, string? Reason, string? Decision, string Outcome, bool Ran, bool Held,
    string? Detail, string? Output);
