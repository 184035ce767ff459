using Dispatch.Engine;

namespace Dispatch.Agent.LocalApi;

/// <summary>The host answered a request with an error: its one-line message and the exit status the command should end with.</summary>
public sealed class HostProblemException(string message, int exitCode) : DispatchException(message)
{
    /// <summary>The exit status the host gave for this failure.</summary>
    public int ExitCode { get; } = exitCode;
}
