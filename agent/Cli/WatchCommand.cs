using System.CommandLine;
using Dispatch.Agent.LocalApi;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;

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
            var area = parse.GetValue(region) is { } text ? Rect.Parse(text) : (Rect?)null;
            var seconds = Durations.Seconds(parse.GetValue(duration), "--duration");
            using var desktop = CommonOptions.OpenDesktop(parse);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (seconds > TimeSpan.Zero)
            {
                stop.CancelAfter(seconds);
            }
            var watched = area ?? desktop.Screen.Bounds;
            Console.WriteLine($"watching {watched} on {(desktop.Damage is null ? "a polled screen" : "damage events")}; Ctrl+C stops");
            var baseline = desktop.Screen.Capture(watched);
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var report = await desktop.Watcher.WaitForChangeAsync(watched, TimeSpan.FromSeconds(1), baseline, stop.Token);
                    if (report.Outcome != WaitOutcome.Changed)
                    {
                        continue;
                    }
                    var next = desktop.Screen.Capture(watched);
                    var changes = FrameDiff.Compare(baseline, next);
                    baseline.Dispose();
                    baseline = next;
                    if (changes.HasChanges)
                    {
                        Console.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {string.Join("  ", changes.Changed)}");
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Ctrl+C or --duration: a normal end.
            }
            finally
            {
                baseline.Dispose();
            }
            return 0;
        }));
        return command;
    }
}
