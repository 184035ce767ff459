namespace Dispatch.Engine.Safety;

/// <summary>How much an action can hurt if it was not what the person wanted.</summary>
public enum RiskLevel
{
    /// <summary>Can be undone or changes nothing that matters: runs without asking.</summary>
    Harmless,

    /// <summary>Cannot be taken back (sending, deleting, paying, overwriting, giving a password): held for approval.</summary>
    Irreversible,
}
