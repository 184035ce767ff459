namespace Dispatch.Engine.Recording;

/// <summary>Why a replay stopped before its last step.</summary>
public enum ReplayFailure
{
    /// <summary>It did not stop: every step ran and held.</summary>
    None,

    /// <summary>No locator of the step found its target within the step's timeout.</summary>
    TargetNotFound,

    /// <summary>The target was found only by a lower-priority locator and healing was not allowed (<c>--no-heal</c>).</summary>
    HealRefused,

    /// <summary>The step ran but what it should have led to (the active window) did not come.</summary>
    PostconditionFailed,

    /// <summary>The step was held for approval and not approved.</summary>
    NotApproved,

    /// <summary>Carrying the step out failed (the target changed, an error).</summary>
    StepFailed,
}
