using System.Runtime.Versioning;

namespace Dispatch.Engine.Platform.X11.Atspi;

/// <summary>An application did not answer one AT-SPI call within the bus's per-call timeout (it is hung or busy).</summary>
[SupportedOSPlatform("linux")]
internal sealed class AtspiCallTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for <paramref name="member"/> sent to <paramref name="busName"/>.</summary>
    public AtspiCallTimeoutException(string busName, string member, TimeSpan timeout)
        : base($"{busName} did not answer {member} within {timeout.TotalMilliseconds:0} ms.")
    {
        BusName = busName;
        Timeout = timeout;
    }

    /// <summary>The bus name of the application that did not answer.</summary>
    public string BusName { get; }

    /// <summary>How long the call waited.</summary>
    public TimeSpan Timeout { get; }
}
