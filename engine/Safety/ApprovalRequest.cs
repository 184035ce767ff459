namespace Dispatch.Engine.Safety;

/// <summary>An irreversible action waiting for a person's yes, with everything they need to judge it.</summary>
/// <param name="Id">A unique id.</param>
/// <param name="Task">The task it belongs to.</param>
/// <param name="Sentence">A plain sentence, e.g. <c>Click 'Send' in 'New message — Mail'</c>.</param>
/// <param name="Reason">Why it is held.</param>
/// <param name="Action">The action as tool JSON (secrets redacted).</param>
/// <param name="Application">The application.</param>
/// <param name="WindowTitle">The window.</param>
/// <param name="Screenshot">PNG of the screen with the target outlined.</param>
/// <param name="Fingerprint">SHA-256 of the action and of the target's pixels when asked.</param>
/// <param name="Expires">When no answer counts as no.</param>
public sealed record ApprovalRequest(Guid Id, string Task, string Sentence, string Reason, string Action, string? Application,
    string? WindowTitle, byte[] Screenshot, string Fingerprint, DateTimeOffset Expires);
