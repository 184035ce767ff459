using System.CommandLine;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Journal;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Loop;
using Dispatch.Engine.Safety;
using Dispatch.Engine.Vision;

namespace Dispatch.Agent.Cli;

/// <summary>
/// <c>dispatch act '&lt;action json&gt;'</c>: runs one computer-use action through the risk policy and the approval
/// gate (asking on this terminal), journals it, and prints what changed. Coordinates are screen pixels unless
/// <c>--model-coordinates</c> says they are in the model's screenshot.
/// </summary>
internal static class ActCommand
{
    public static Command Create()
    {
        var json = new Argument<string>("action") { Description = "e.g. '{\"action\":\"left_click\",\"coordinate\":[640,400]}' (Anthropic computer-use input)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Classify and journal without executing." };
        var model = new Option<bool>("--model-coordinates") { Description = "Coordinates are in the model's downscaled screenshot (XGA/WXGA/FWXGA)." };
        var journalPath = new Option<string>("--journal")
        {
            Description = "The journal to append to.",
            DefaultValueFactory = _ => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state", "dispatch", "journal", "cli.jsonl"),
        };
        var timeout = new Option<double>("--approval-timeout") { Description = "Seconds to wait for an answer.", DefaultValueFactory = _ => 120 };
        var command = new Command("act", "Run one action through the approval gate and journal it.") { json, dryRun, model, journalPath, timeout };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            var action = ComputerActionJson.Parse(parse.GetValue(json)!);
            using var desktop = CommonOptions.OpenDesktop(parse);
            using var ocr = new OcrEngine();
            var finder = new ElementFinder(desktop, ocr);
            var targets = new ActionTargetResolver(desktop, ocr);
            var gate = new ApprovalGate(desktop, new ConsoleApprovalChannel(), targets) { Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) };
            using var journal = ActionJournal.Open(parse.GetValue(journalPath)!);
            var loop = new AgentLoop(desktop, new ActionExecutor(desktop, finder), targets, new RiskPolicy(), gate, journal);
            var planner = new OneShotPlanner(action);
            var options = new LoopOptions { MaxSteps = 1, DryRun = parse.GetValue(dryRun), ScreenCoordinates = !parse.GetValue(model) };
            var result = await loop.RunAsync("dispatch act", planner, options, cancellationToken);
            foreach (var step in result.Steps)
            {
                Console.WriteLine($"{step.Risk.Sentence}: {step.Risk.Level.ToString().ToLowerInvariant()} ({step.Risk.Reason}); {step.Decision}; {step.Effect}");
            }
            Console.WriteLine($"journal: {journal.Path}");
            return result.Steps.Count > 0 && result.Steps[0].Decision is "denied" or "timed out" ? 3 : 0;
        }));
        return command;
    }

    /// <summary>Plans the one action, then says done.</summary>
    private sealed class OneShotPlanner(ComputerAction action) : IPlanner
    {
        private bool _planned;

        public Task<PlannerDecision> NextAsync(PlannerContext context, CancellationToken cancellationToken)
        {
            if (_planned)
            {
                return Task.FromResult(PlannerDecision.Finished("done"));
            }
            _planned = true;
            return Task.FromResult(new PlannerDecision([new PlannedAction(action)]));
        }
    }
}
