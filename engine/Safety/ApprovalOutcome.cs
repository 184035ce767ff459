namespace Dispatch.Engine.Safety;

/// <summary>How a request for approval ended.</summary>
public enum ApprovalOutcome
{
    /// <summary>The person approved this exact action.</summary>
    Approved,

    /// <summary>The person said no.</summary>
    Denied,

    /// <summary>Nobody answered in time: treated as no.</summary>
    TimedOut,
}
