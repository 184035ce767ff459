namespace Dispatch.Engine.Safety;

/// <summary>Who let a step run, or why it did not. Written to the journal as a stable word (see <see cref="Journal.JournalWords"/>).</summary>
public enum StepDecision
{
    /// <summary>The policy found it harmless: it ran without asking.</summary>
    Allowed,

    /// <summary>A person approved this exact step.</summary>
    Approved,

    /// <summary>A person said no.</summary>
    Denied,

    /// <summary>Nobody answered before the request expired: treated as no.</summary>
    TimedOut,

    /// <summary>An answer came after the request expired: refused, treated as no.</summary>
    Late,

    /// <summary>No person could be asked (no approval channel, or it cannot reach anyone): treated as no.</summary>
    Unreachable,

    /// <summary>The target kept changing after each approval: the gate gave up (treated as no).</summary>
    TargetChanged,

    /// <summary>Classified and journaled only, never carried out.</summary>
    DryRun,

    /// <summary>The person running it turned the gate off (<c>--no-gate</c>): it ran without asking, whatever its risk.</summary>
    Ungated,
}
