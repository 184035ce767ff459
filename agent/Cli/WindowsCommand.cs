using System.CommandLine;
using System.Text.Json;

namespace Dispatch.Agent.Cli;

/// <summary><c>dispatch windows</c>: lists the top-level windows.</summary>
internal static class WindowsCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of one line per window." };
        var command = new Command("windows", "List the top-level windows: id, title, class, process, geometry.") { json };
        command.SetAction((parse, _) => CommonOptions.GuardAsync(() =>
        {
            using var desktop = CommonOptions.OpenDesktop(parse);
            var windows = desktop.Windows.List();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(windows, AgentJsonContext.Default.IReadOnlyListWindowInfo));
            }
            else
            {
                foreach (var window in windows)
                {
                    Console.WriteLine(window);
                }
            }
            return Task.FromResult(0);
        }));
        return command;
    }
}
