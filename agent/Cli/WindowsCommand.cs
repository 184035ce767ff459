using System.CommandLine;
using System.Text.Json;
using Dispatch.Agent.LocalApi;

namespace Dispatch.Agent.Cli;

/// <summary><c>dispatch windows</c>: lists the top-level windows.</summary>
internal static class WindowsCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of one line per window." };
        var command = new Command("windows", "List the top-level windows: id, title, class, process, geometry.") { json };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            using var engine = CommonOptions.Connect(parse);
            var windows = await engine.Api.WindowsAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(windows, LocalApiJsonContext.Default.IReadOnlyListWindowDto));
            }
            else
            {
                foreach (var window in windows)
                {
                    Console.WriteLine(window);
                }
            }
            return 0;
        }));
        return command;
    }
}
