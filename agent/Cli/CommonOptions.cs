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
    }
}
