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

    /// <summary>No person could be asked (e.g. the console's input is a pipe, not a terminal): treated as no.</summary>
    Unreachable,

    /// <summary>An answer came after the request expired: refused, treated as no.</summary>
    Late,
}
