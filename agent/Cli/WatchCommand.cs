using System.CommandLine;
using Dispatch.Agent.LocalApi;

namespace Dispatch.Agent.Cli;

/// <summary><c>dispatch watch</c>: prints the changed rectangles as the screen changes.</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var region = new Option<string?>("--region") { Description = "Only watch this area, as x,y,width,height." };
        var duration = new Option<double>("--duration") { Description = "Stop after this many seconds (0: until Ctrl+C).", DefaultValueFactory = _ => 0 };
        var command = new Command("watch", "Print the screen areas that change, as they change, until Ctrl+C.") { region, duration };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            var seconds = parse.GetValue(duration);
            Durations.Seconds(seconds, "--duration");
            using var engine = CommonOptions.Connect(parse);
            var first = true;
            await foreach (var change in engine.Api.WatchAsync(new WatchRequest(parse.GetValue(region), seconds), cancellationToken))
            {
                Console.WriteLine(first
                    ? $"watching {change.Area} on {change.Source}; Ctrl+C stops"
                    : $"{change.Time.ToLocalTime():HH:mm:ss.fff} {string.Join("  ", change.Changed)}");
                first = false;
            }
            return 0;
        }));
        return command;
    }
}
