namespace Dispatch.Engine.Journal;

/// <summary>
/// What happened in one step of a task: the action, how the risk policy classified it, who decided and when,
/// and what it did. Typed secrets must be redacted before a record is written (<see cref="ActionJournal.Redact"/>).
/// </summary>
public sealed record JournalRecord
{
    /// <summary>The task this step belongs to.</summary>
    public required string Task { get; init; }

    /// <summary>The action as tool JSON (text of secrets redacted).</summary>
    public string? Action { get; init; }

    /// <summary>The risk class, e.g. <c>harmless</c> or <c>irreversible</c>.</summary>
    public string? Risk { get; init; }

    /// <summary>Why the policy classified it so, e.g. <c>button "Send" matches rule Send</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>The decision: <c>allowed</c>, <c>approved</c>, <c>denied</c>, <c>timed out</c>, <c>dry run</c>.</summary>
    public string? Decision { get; init; }

    /// <summary>Who decided (the policy, or a person and device).</summary>
    public string? DecidedBy { get; init; }

    /// <summary>When the decision was made.</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>What executing it did: <c>changed</c>, <c>no visible change</c>, <c>not executed</c>, or an error.</summary>
    public string? Outcome { get; init; }

    /// <summary>How long executing and settling took, in milliseconds.</summary>
    public double? ElapsedMilliseconds { get; init; }

    /// <summary>The screen areas that changed.</summary>
    public IReadOnlyList<string>? Changes { get; init; }

    /// <summary>A small JPEG of the screen before, base64.</summary>
    public string? BeforeThumbnail { get; init; }

    /// <summary>A small JPEG of the screen after, base64.</summary>
    public string? AfterThumbnail { get; init; }
}
