namespace Dispatch.Agent.LocalApi;

/// <summary>An error from the local API (RFC 9457 problem details) with the CLI's exit status.</summary>
/// <param name="Title">A short title.</param>
/// <param name="Detail">The one-line message a person reads.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="ExitCode">The exit status a command ends with.</param>
public sealed record ProblemReply(string? Title, string? Detail, int Status, int ExitCode);
