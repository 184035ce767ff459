namespace Dispatch.Engine.Capture;

/// <summary>How a screen wait ended.</summary>
public enum WaitOutcome
{
    /// <summary>The region showed no change for the whole quiet period.</summary>
    Stable,

    /// <summary>The region changed.</summary>
    Changed,

    /// <summary>The timeout passed first: still changing (stable wait) or unchanged (change wait).</summary>
    TimedOut,
}
