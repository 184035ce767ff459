using System.CommandLine;
using Dispatch.Engine;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Recording;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Agent.Cli;

/// <summary><c>dispatch record DIR</c>: records what the person does on the desktop into a session folder.</summary>
internal static class RecordCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "A new or empty folder for the session (session.json, steps.jsonl, screenshots)." };
        var command = new Command("record",
            $"Record what you do on the desktop as steps (clicks, typing, keys) with locators to find each target again; {SessionRecorder.StopKey} or Ctrl+C stops.")
        {
            folder,
        };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            var path = Path.GetFullPath(parse.GetValue(folder)!);
            // Recording only observes, with connections of its own, so it runs here even when a host serves the display.
            using var services = new ServiceCollection()
                .AddDispatchEngine(new EngineOptions { Desktop = new DesktopOptions { DisplayName = CommonOptions.ResolveDisplay(parse) } })
                .BuildServiceProvider();
            var desktop = services.GetRequiredService<IDesktop>();
            var recorder = new SessionRecorder(desktop, services.GetRequiredService<IStepResolver>(), services.GetRequiredService<ElementFinder>(),
                services.GetRequiredService<TimeProvider>())
            {
                StepWritten = step => Console.WriteLine($"{step.Index,4}  {step.Action}{(step.Locators.Count > 0 ? $"  ← {step.Locators[0].Locator}" : "")}"),
            };
            Console.WriteLine($"recording display {desktop.DisplayName} into {path}; press {SessionRecorder.StopKey} or Ctrl+C to stop");
            var session = await recorder.RecordAsync(path, cancellationToken);
            Console.WriteLine($"recorded {session.Steps} step(s) into {path}");
            return 0;
        }));
        return command;
    }
}
