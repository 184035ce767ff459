using System.CommandLine;
using Dispatch.Agent.LocalApi;
using Dispatch.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Agent.Cli;

/// <summary>Options shared by every command, how a command reaches the engine, and the error handling every command shares.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Display = new("--display")
    {
        Description = "The X display, e.g. :0. Default: $DISPLAY, else the display of the one running 'dispatch run'.",
        Recursive = true,
    };

    public static readonly Option<bool> Direct = new("--direct")
    {
        Description = "Work in this process, even when a 'dispatch run' host serves the display (its journal and input queue are then not used).",
        Recursive = true,
    };

    /// <summary>
    /// The engine a command talks to: the host of its display when one runs (unless <c>--direct</c>), else an engine in this
    /// process, built by the composition root with <paramref name="journal"/> as its journal. Dispose it when done.
    /// </summary>
    /// <exception cref="DispatchException">No display was given and several hosts run, so which one is meant is unclear.</exception>
    public static EngineConnection Connect(ParseResult parse, string? journal = null)
    {
        if (s_shared.Value is { } shared)
        {
            return shared.Borrowed();
        }
        var display = ResolveDisplay(parse);
        if (!parse.GetValue(Direct) && display is not null && HostSocket.IsLive(display))
        {
            var client = new HostClient(HostSocket.PathFor(display), HostSocket.Normalise(display));
            return new EngineConnection(client, client);
        }
        var services = new ServiceCollection()
            .AddDispatchEngine(new EngineOptions { Desktop = new DesktopOptions { DisplayName = display }, JournalPath = journal })
            .BuildServiceProvider();
        return new EngineConnection(new InProcessDesktopApi(services, display ?? "", () => new ConsoleApprovalChannel()), services);
    }

    // The connection of the script being run on this flow, which its commands share; null outside a script.
    private static readonly AsyncLocal<EngineConnection?> s_shared = new();

    /// <summary>Makes every command on this flow use <paramref name="connection"/> (a script's, kept open between its commands); null ends that.</summary>
    public static void Share(EngineConnection? connection) => s_shared.Value = connection;

    /// <summary>The display given, else <c>$DISPLAY</c>, else the one display a running host serves; null when there is none.</summary>
    /// <exception cref="DispatchException">Several hosts run and none was named.</exception>
    internal static string? ResolveDisplay(ParseResult parse)
    {
        if (parse.GetValue(Display) is { Length: > 0 } given)
        {
            return given;
        }
        if (Environment.GetEnvironmentVariable("DISPLAY") is { Length: > 0 } set)
        {
            return set;
        }
        var hosts = HostSocket.LiveHosts();
        return hosts.Count <= 1
            ? hosts.SingleOrDefault()?.Display
            : throw new DispatchException($"no display was given and {hosts.Count} Dispatch hosts run ({string.Join(", ", hosts.Select(h => h.Display))}); choose one with --display");
    }

    /// <summary>Runs a command body, turning failures into one line on stderr and their exit status (see <see cref="FailureReport"/>).</summary>
    public static async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            var report = FailureReport.Of(error);
            await Console.Error.WriteLineAsync($"dispatch: {report.Message}");
            return report.ExitCode;
        }
    }
}
