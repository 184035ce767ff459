using Dispatch.Engine.Actions;
using Dispatch.Engine.Safety;

namespace Dispatch.Engine.Journal;

/// <summary>
/// One half of one step of a task: its intent (the action, how the risk policy classified it, who decided and when),
/// written before acting, or its outcome (what it did, or the typed error), written after. Typed secrets must be
/// redacted before a record is written (<see cref="ActionJournal.Redact"/>).
/// </summary>
public sealed record JournalRecord
{
    /// <summary>The task this step belongs to.</summary>
    public required string Task { get; init; }

    /// <summary>Intent (before acting) or outcome (after).</summary>
    public JournalEntryKind Kind { get; init; } = JournalEntryKind.Intent;

    /// <summary>The step's number within its task (1-based); an intent and its outcome share it.</summary>
    public int? Step { get; init; }

    /// <summary>The action as tool JSON in screen coordinates (text of secrets redacted).</summary>
    public string? Action { get; init; }

    /// <summary>The target as a person reads it, e.g. <c>push button 'Send' in 'New message — Mail' (thunderbird)</c>.</summary>
    public string? Target { get; init; }

    /// <summary>The risk class.</summary>
    public RiskLevel? Risk { get; init; }

    /// <summary>Why the policy classified it so, e.g. <c>its target 'Send' matches the rule "Send"</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>The decision.</summary>
    public StepDecision? Decision { get; init; }

    /// <summary>Who decided (the policy, or a person and device), with any detail (e.g. how many times they were asked).</summary>
    public string? DecidedBy { get; init; }

    /// <summary>When the decision was made.</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>The identity fingerprint of the step the decision was for (SHA-256, hex).</summary>
    public string? Fingerprint { get; init; }

    /// <summary>How it ended (outcome entries).</summary>
    public StepOutcome? Outcome { get; init; }

    /// <summary>A human-readable detail of the outcome, e.g. the error message of a failure.</summary>
    public string? Detail { get; init; }

    /// <summary>Text the action returned (the pointer position for cursor_position).</summary>
    public string? Output { get; init; }

    /// <summary>How long executing and settling took, in milliseconds.</summary>
    public double? ElapsedMilliseconds { get; init; }

    /// <summary>The screen areas that changed.</summary>
    public IReadOnlyList<string>? Changes { get; init; }

    /// <summary>A small JPEG of the screen before, base64.</summary>
    public string? BeforeThumbnail { get; init; }

    /// <summary>A small JPEG of the screen after, base64.</summary>
    public string? AfterThumbnail { get; init; }
}
