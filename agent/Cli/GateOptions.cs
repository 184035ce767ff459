using System.CommandLine;
using Dispatch.Engine;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Journal;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Loop;
using Dispatch.Engine.Safety;
using Dispatch.Engine.Vision;

namespace Dispatch.Agent.Cli;

/// <summary>
/// The options and the one code path of every command that acts on the desktop (<c>act</c>, <c>click</c>, <c>type</c>,
/// <c>key</c>): one step through the risk policy and the approval gate (asking on this terminal), journaled.
/// </summary>
internal static class GateOptions
{
    public static readonly Option<string> Journal = new("--journal")
    {
        Description = "The journal to append to.",
        DefaultValueFactory = _ => Path.Combine(StateDirectory.ForCurrentUser, "journal", "cli.jsonl"),
    };

    public static readonly Option<double> ApprovalTimeout = new("--approval-timeout")
    {
        Description = "Seconds a person has to answer an approval request on this terminal.",
        DefaultValueFactory = _ => 120,
    };

    public static readonly Option<bool> NoGate = new("--no-gate")
    {
        Description = "Do not ask before irreversible actions (a person scripting their own desktop). The journal records it.",
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(Journal);
        command.Options.Add(ApprovalTimeout);
        command.Options.Add(NoGate);
    }

    /// <summary>Runs <paramref name="action"/> as one step and prints it; exit 0 when it ran, 3 when it was held and not approved, 1 when it failed.</summary>
    public static async Task<int> RunAsync(ParseResult parse, string task, ComputerAction action, LoopOptions options, CancellationToken cancellationToken)
    {
        var timeout = CommonOptions.Seconds(parse.GetValue(ApprovalTimeout), "--approval-timeout");
        using var desktop = CommonOptions.OpenDesktop(parse);
        using var ocr = new OcrEngine();
        var policy = new RiskPolicy();
        var resolver = new StepResolver(desktop, new ElementFinder(desktop, ocr), ocr);
        var gate = new ApprovalGate(new ConsoleApprovalChannel(), resolver, policy) { Timeout = timeout };
        using var journal = ActionJournal.Open(parse.GetValue(Journal)!);
        var loop = new AgentLoop(resolver, policy, gate, new ActionExecutor(desktop), journal);
        var result = await loop.RunAsync(task, new OneShotPlanner(action), options with { Ungated = parse.GetValue(NoGate) }, cancellationToken);
        if (result.Outcome is LoopOutcome.Stopped or LoopOutcome.TimeBudget)
        {
            // Whatever was held is released by now; the journal has the step's intent and that it was interrupted.
            await Console.Error.WriteLineAsync($"dispatch: {result.Message} before the step finished; every key and button is released (journal: {journal.Path})");
            return 130;
        }
        if (result.Steps.Count == 0)
        {
            await Console.Error.WriteLineAsync($"dispatch: nothing was done: {result.Message}");
            return 1;
        }
        var step = result.Steps[0];
        var risk = step.Risk is { } r ? $"{r.Sentence}: {JournalWords.Of(r.Level)} ({r.Reason}); " : "";
        var line = $"{risk}{(step.Decision is { } d ? JournalWords.Of(d) + "; " : "")}{JournalWords.Of(step.Outcome)}";
        if (step.Decision is StepDecision.Denied or StepDecision.TimedOut or StepDecision.Late or StepDecision.Unreachable or StepDecision.TargetChanged)
        {
            await Console.Error.WriteLineAsync($"dispatch: held and not carried out: {line}{(step.Detail is { } why ? $" ({why})" : "")}");
            return 3;
        }
        var ran = step.Outcome is StepOutcome.Changed or StepOutcome.NoVisibleChange or StepOutcome.Observed || step.Decision == StepDecision.DryRun;
        if (!ran)
        {
            await Console.Error.WriteLineAsync($"dispatch: {step.Detail ?? line}");
            return 1;
        }
        Console.WriteLine(line);
        if (step.Output is { } output)
        {
            Console.WriteLine(output);
        }
        Console.WriteLine($"journal: {journal.Path}");
        return 0;
    }
}
