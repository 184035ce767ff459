namespace Dispatch.Engine.Loop;

/// <summary>What a <see cref="LoopEvent"/> reports, in the order a step goes through them.</summary>
public enum LoopEventKind
{
    /// <summary>The task began.</summary>
    Started,

    /// <summary>A planner proposed a step.</summary>
    Planned,

    /// <summary>The step is irreversible and waits for a person's answer.</summary>
    Held,

    /// <summary>Whether the step may run was decided (by the policy, a person, a time-out, a dry run).</summary>
    Decided,

    /// <summary>The step ran; the event carries its effect, the changed areas and a thumbnail.</summary>
    Executed,

    /// <summary>The step could not be resolved, classified, asked about or carried out.</summary>
    Failed,

    /// <summary>The task ended; the event says why.</summary>
    Finished,
}
