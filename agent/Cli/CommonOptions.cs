using System.CommandLine;
using Dispatch.Engine;

namespace Dispatch.Agent.Cli;

/// <summary>Options shared by every command, and the error handling every command shares.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Display = new("--display")
    {
        Description = "The X display, e.g. :0. Default: $DISPLAY, else the virtual desktop of a running 'dispatch run'.",
        Recursive = true,
    };

    /// <summary>Opens the desktop the command should act on.</summary>
    public static Desktop OpenDesktop(ParseResult parse) =>
        Desktop.Open(new DesktopOptions { DisplayName = DesktopSession.ResolveDisplay(parse.GetValue(Display)) });

    /// <summary>Runs a command body, turning expected failures into one line on stderr and exit status 1.</summary>
    public static async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception error) when (error is DispatchException or ArgumentException or FormatException or IOException)
        {
            // An argument exception appends "(Parameter 'x')" and the value, which the message already names.
            var message = error is ArgumentException ? error.Message.Split(" (Parameter '", 2)[0] : error.Message;
            await Console.Error.WriteLineAsync($"dispatch: {message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("dispatch: cancelled");
            return 130;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // A bug, not bad input: one line for the person, the whole story in a file for whoever fixes it.
            var log = WriteCrashLog(error);
            await Console.Error.WriteLineAsync($"dispatch: unexpected {error.GetType().Name}: {error.Message.Split('\n')[0]} (details in {log})");
            return 70;
        }
    }

    /// <summary>
    /// Seconds from an option, as a time span: finite, at least 0, at most <paramref name="maximum"/> (a day unless told).
    /// </summary>
    /// <exception cref="ArgumentException">The value is NaN, infinite, negative or too large; the message names it.</exception>
    public static TimeSpan Seconds(double value, string option, double maximum = 86_400)
    {
        if (!double.IsFinite(value) || value < 0 || value > maximum)
        {
            throw new ArgumentException($"{option} {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is out of range; expected seconds from 0 to {maximum.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }
        return TimeSpan.FromSeconds(value);
    }

    private static string WriteCrashLog(Exception error)
    {
        try
        {
            var folder = Path.Combine(StateDirectory.ForCurrentUser, "logs");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"dispatch-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
            File.WriteAllText(path, $"{DateTime.UtcNow:O} dispatch {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}\n{error}\n");
            return path;
        }
        catch (Exception logError) when (logError is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return $"no log: {logError.Message}";
        }
    }
}
