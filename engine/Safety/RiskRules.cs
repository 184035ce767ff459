namespace Dispatch.Engine.Safety;

/// <summary>
/// The configurable part of the risk policy. Names and words match by word stems, ignoring case, punctuation and
/// mnemonic underscores: "Delete" also matches "Deleting…", "Delete 3 files" and "Permanently delete".
/// </summary>
public sealed record RiskRules
{
    /// <summary>
    /// Target names that make an action irreversible: a phrase matches when its words appear in order anywhere in the
    /// target's label ("Yes, delete it"); a name starting with <c>=</c> only matches the whole label (nouns such as "Post").
    /// </summary>
    public IReadOnlyList<string> IrreversibleNames { get; init; } =
    [
        "Send", "Delete", "Remove", "Submit", "Pay", "Buy", "Purchase", "Place order", "Order now", "Checkout", "Check out", "Confirm",
        "Publish", "=Post", "Transfer", "Overwrite", "Replace", "Empty Trash", "Sign out", "Log out", "Discard", "Erase", "=Format",
        "Uninstall", "Wipe", "Purge", "Destroy", "Shred", "=Reset", "Revoke", "Terminate", "=Drop", "Unsubscribe", "Deploy", "Don't save",
        "Do not save", "Without saving", "Move to Trash", "=Trash", "Close account", "Delete account", "Cancel subscription", "Cancel order",
        "Kill", "Clear history", "Clear all", "Shut down", "Shutdown", "Restart", "Reboot", "Power off", "Sell", "Withdraw", "Force push",
        "Restore defaults", "Factory reset", "=Empty", "Overwrite all", "Replace all",
        // Other languages people run their desktops in.
        "Löschen", "Entfernen", "Senden", "Bezahlen", "Kaufen", "Leeren", "Überschreiben", "Verwerfen",
        "Supprimer", "Effacer", "Envoyer", "Payer", "Acheter", "Vider", "Remplacer",
        "Eliminar", "Borrar", "Enviar", "Pagar", "Comprar", "Vaciar", "Reemplazar", "Descartar",
        "Elimina", "Cancella", "Invia", "Paga", "Acquista", "Excluir", "Apagar", "Verwijderen", "Versturen", "Betalen",
        "Abschicken", "Usuń", "Wyślij", "Zapłać", "Удалить", "Отправить", "Оплатить", "削除", "送信", "删除", "发送", "삭제", "전송",
        "Wire", "Forward", "Reply all", "Share", "Drop table", "Nuke", "Leave group", "Deactivate", "End call", "Merge", "Approve", "=Sign",
        "Sign and send", "Accept", "Install", "=Run", "Execute", "Commit", "=Push",
    ];

    /// <summary>
    /// Target names that are clearly the safe choice in a dialog that speaks of loss: exactly these (cleaned), so
    /// "Close without saving" is not "Close".
    /// </summary>
    public IReadOnlyList<string> SafeNames { get; init; } =
    [
        "Cancel", "No", "Keep", "Keep both", "Close", "Back", "Go back", "Previous", "Not now", "Later", "Remind me later", "Dismiss", "Skip",
        "No, keep it", "Stop",
    ];

    /// <summary>Word stems that make a window speak of irreversible loss (its activating inputs are then held unless clearly safe).</summary>
    public IReadOnlyList<string> DangerWords { get; init; } =
    [
        "delete", "deletion", "erase", "remove", "removal", "overwrite", "replace", "permanently", "permanent", "irreversible", "unrecoverable",
        "cannot be undone", "can't be undone", "undone", "forever", "discard", "destroy", "wipe", "purge", "shred", "send",
        "submit", "submission", "pay", "payment", "purchase", "transfer", "publish", "uninstall", "lose", "lost", "loss", "revoke",
        "terminate", "format", "gone", "irrevocable", "kill", "shut down", "factory", "trash",
        "löschen", "gelöscht", "endgültig", "verloren", "senden", "überschreiben", "supprimer", "définitivement", "perdu", "envoyer",
        "écraser", "eliminar", "borrar", "permanente", "perder", "enviar", "sobrescribir", "eliminare", "definitivamente", "excluir",
        "abschicken", "usunąć", "usuń", "wysłać", "удалить", "навсегда", "отправить", "削除", "删除", "送信", "发送", "삭제", "wire", "drop",
        "nuke", "deactivate",
    ];

    /// <summary>Applications (accessible name or window class) whose every input action is irreversible.</summary>
    public IReadOnlyList<string> DenyApplications { get; init; } = [];

    /// <summary>Window titles (substring) in which every input action is irreversible.</summary>
    public IReadOnlyList<string> DenyWindows { get; init; } = [];

    /// <summary>Applications in which names alone never hold an action (passwords still do).</summary>
    public IReadOnlyList<string> AllowApplications { get; init; } = [];

    /// <summary>Window titles (substring) in which names alone never hold an action (passwords still do).</summary>
    public IReadOnlyList<string> AllowWindows { get; init; } = [];
}
