using Dispatch.Engine;

namespace Dispatch.Agent.LocalApi;

/// <summary>
/// What a person is told when a command fails, and its exit status: one line for bad input and expected failures (1), for a
/// cancel (130), and for a bug (70, the whole story in a log file) — the same whether the command ran here or in the host.
/// </summary>
/// <param name="Message">The one line, without the <c>dispatch: </c> prefix.</param>
/// <param name="ExitCode">The exit status.</param>
public sealed record FailureReport(string Message, int ExitCode)
{
    /// <summary>Exit status of an unexpected error (EX_SOFTWARE).</summary>
    public const int Bug = 70;

    /// <summary>Exit status of a command stopped by Ctrl+C or a signal.</summary>
    public const int Cancelled = 130;

    /// <summary>The report of <paramref name="error"/>; an unexpected one is written to a log file first.</summary>
    public static FailureReport Of(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            HostProblemException problem => new(problem.Message, problem.ExitCode),
            // An argument exception appends "(Parameter 'x')" and the value, which the message already names.
            ArgumentException => new(error.Message.Split(" (Parameter '", 2)[0], 1),
            DispatchException or FormatException or IOException or UnauthorizedAccessException => new(error.Message, 1),
            OperationCanceledException => new("cancelled", Cancelled),
            // A bug, not bad input: one line for the person, the whole story in a file for whoever fixes it.
            _ => new($"unexpected {error.GetType().Name}: {error.Message.Split('\n')[0]} (details in {WriteCrashLog(error)})", Bug),
        };
    }

    private static string WriteCrashLog(Exception error)
    {
        try
        {
            var folder = Path.Combine(StateDirectory.ForCurrentUser, "logs");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"dispatch-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}-{Guid.NewGuid():N}.log");
            File.WriteAllText(path, $"{DateTime.UtcNow:O} dispatch {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}\n{error}\n");
            return path;
        }
        catch (Exception logError) when (logError is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return $"no log: {logError.Message}";
        }
    }
}
