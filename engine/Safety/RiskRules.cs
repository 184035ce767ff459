namespace Dispatch.Engine.Safety;

/// <summary>The configurable part of the risk policy. Matching ignores case and surrounding punctuation.</summary>
public sealed record RiskRules
{
    /// <summary>Target names that make an action irreversible.</summary>
    public IReadOnlyList<string> IrreversibleNames { get; init; } =
    [
        "Send", "Delete", "Remove", "Submit", "Pay", "Buy", "Purchase", "Confirm", "Publish", "Post", "Transfer",
        "Overwrite", "Replace", "Empty Trash", "Sign out", "Log out", "Discard", "Erase", "Format", "Uninstall",
    ];

    /// <summary>Confirmation buttons that are irreversible only in a dialog that speaks of <see cref="DangerWords"/>.</summary>
    public IReadOnlyList<string> ConfirmationNames { get; init; } = ["Yes", "OK", "Ok", "Continue", "Proceed", "Apply"];

    /// <summary>Words in a dialog that make its confirmation irreversible.</summary>
    public IReadOnlyList<string> DangerWords { get; init; } =
        ["delete", "deleting", "overwrite", "replace", "permanently", "erase", "remove", "cannot be undone", "send", "pay", "discard"];

    /// <summary>Applications (accessible name or window class) whose every input action is irreversible.</summary>
    public IReadOnlyList<string> DenyApplications { get; init; } = [];

    /// <summary>Window titles (substring) in which every input action is irreversible.</summary>
    public IReadOnlyList<string> DenyWindows { get; init; } = [];

    /// <summary>Applications in which names alone never hold an action (passwords still do).</summary>
    public IReadOnlyList<string> AllowApplications { get; init; } = [];

    /// <summary>Window titles (substring) in which names alone never hold an action (passwords still do).</summary>
    public IReadOnlyList<string> AllowWindows { get; init; } = [];
}
