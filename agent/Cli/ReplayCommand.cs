using System.CommandLine;
using Dispatch.Agent.LocalApi;
using Dispatch.Agent.Reports;
using Dispatch.Engine;
using Dispatch.Engine.Journal;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Loop;
using Dispatch.Engine.Recording;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Agent.Cli;

/// <summary><c>dispatch replay DIR</c>: replays a recorded session through the approval gate, re-finding each target.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "A session folder written by 'dispatch record'." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds each step may wait for its target and its postcondition.", DefaultValueFactory = _ => 10 };
        var noHeal = new Option<bool>("--no-heal") { Description = "Fail a step whose target only a lower-priority locator (or its place in its window) finds." };
        var speed = new Option<string>("--speed")
        {
            Description = "'conditions' (default): each step waits only for its target and the screen; 'original': also for the person's recorded pauses, to compare.",
            DefaultValueFactory = _ => "conditions",
        };
        speed.AcceptOnlyFromAmong("conditions", "original");
        var report = new Option<string?>("--report") { Description = "A folder for the report: report.html (self-contained) and junit.xml." };
        var command = new Command("replay",
            "Replay a recorded session: each target found again where it is now, each step through the policy and the approval gate, each postcondition checked.")
        {
            folder, timeout, noHeal, speed, report,
        };
        GateOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            var path = Path.GetFullPath(parse.GetValue(folder)!);
            var session = SessionFolder.ReadSession(path);
            var steps = SessionFolder.ReadSteps(path);
            var stepTimeout = Durations.Seconds(parse.GetValue(timeout), "--timeout", maximum: 3600);
            var approvalTimeout = Durations.Seconds(parse.GetValue(GateOptions.ApprovalTimeout), "--approval-timeout");
            // Replay runs in this process with an engine of its own; the display's input lock keeps it from interleaving with a host's tasks.
            using var services = new ServiceCollection()
                .AddDispatchEngine(new EngineOptions
                {
                    Desktop = new DesktopOptions { DisplayName = CommonOptions.ResolveDisplay(parse) },
                    JournalPath = parse.GetValue(GateOptions.Journal),
                })
                .BuildServiceProvider();
            var desktop = services.GetRequiredService<IDesktop>();
            if (session.Screen != desktop.Screen.Bounds.Size)
            {
                Console.WriteLine($"note: recorded on a {session.Screen.Width}x{session.Screen.Height} screen, replayed on {desktop.Screen.Bounds.Width}x{desktop.Screen.Bounds.Height}");
            }
            var planner = new ReplayPlanner(path, steps, desktop, services.GetRequiredService<ElementFinder>(), services.GetRequiredService<TimeProvider>(),
                new ReplayOptions { StepTimeout = stepTimeout, NoHeal = parse.GetValue(noHeal), OriginalSpeed = parse.GetValue(speed) == "original", EvidenceFolder = parse.GetValue(report) is { } evidence ? Path.GetFullPath(evidence) : null });
            var journal = services.GetRequiredService<ActionJournal>();
            var loop = services.GetRequiredService<AgentLoopFactory>().Create(new ConsoleApprovalChannel(), approvalTimeout, journal);
            var result = await loop.RunAsync($"replay {Path.GetFileName(path)}", planner, new LoopOptions
            {
                MaxSteps = steps.Count + 1,
                ScreenCoordinates = true,
                Ungated = parse.GetValue(GateOptions.NoGate),
            }, cancellationToken);
            foreach (var report in planner.Reports.Where(r => r.Channel is not null))
            {
                Console.WriteLine($"{report.Index,4}  found by {report.Channel}{(report.Healed ? " (healed)" : "")}: {report.Locator}  " +
                    $"{report.RecordedPoint?.X},{report.RecordedPoint?.Y} -> {report.ReplayedPoint?.X},{report.ReplayedPoint?.Y}");
            }
            Console.WriteLine($"journal: {journal.Path}");
            if (parse.GetValue(report) is { } reportFolder)
            {
                var full = Path.GetFullPath(reportFolder);
                Console.WriteLine($"report: {new ReplayReport(Path.GetFileName(path), path, steps, planner, result, full, journal.Path).Write(full)}");
            }
            if (planner.Failure == ReplayFailure.None && planner.Message is { } done)
            {
                Console.WriteLine(done);
                return 0;
            }
            await Console.Error.WriteLineAsync($"dispatch: {planner.Message ?? "the replay stopped before its last step"} ({planner.Failure})");
            return planner.Failure == ReplayFailure.NotApproved ? 3 : 1;
        }));
        return command;
    }
}
