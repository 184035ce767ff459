using System.CommandLine;
using Dispatch.Agent.LocalApi;
using Dispatch.Engine;
using Dispatch.Engine.Actions;

namespace Dispatch.Agent.Cli;

/// <summary>
/// The options and the one code path of every command that acts on the desktop (<c>act</c>, <c>click</c>, <c>type</c>,
/// <c>key</c>, <c>set-text</c>, <c>scroll</c>, <c>drag</c>…): one step through the risk policy and the approval gate (asking on this terminal), journaled — by the display's host when one runs, with its journal and input queue.
/// </summary>
internal static class GateOptions
{
    public static readonly Option<string> Journal = new("--journal")
    {
        Description = "The journal to append to when this process does the work (a running host writes to its own).",
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
    public static Task<int> RunAsync(ParseResult parse, string task, string action, bool dryRun, bool modelCoordinates, CancellationToken cancellationToken) =>
        RunAsync(parse, task, [action], dryRun, modelCoordinates, null, cancellationToken);

    /// <summary>
    /// Runs <paramref name="actions"/> as one task, printing a line per step; exit 0 when all ran, 3 when one was held and not
    /// approved, 1 when one failed (the rest are then not run). With <paramref name="imagePath"/>, the screen after the last
    /// step (a screenshot's capture, a zoom's region) is written there as PNG.
    /// </summary>
    public static async Task<int> RunAsync(ParseResult parse, string task, IReadOnlyList<string> actions, bool dryRun, bool modelCoordinates, string? imagePath,
        CancellationToken cancellationToken)
    {
        using var engine = CommonOptions.Connect(parse, parse.GetValue(Journal));
        return await RunAsync(parse, engine, task, actions, dryRun, modelCoordinates, imagePath, cancellationToken);
    }

    /// <summary>As <see cref="RunAsync(ParseResult, string, IReadOnlyList{string}, bool, bool, string?, CancellationToken)"/>, on a connection the caller holds.</summary>
    public static async Task<int> RunAsync(ParseResult parse, EngineConnection engine, string task, IReadOnlyList<string> actions, bool dryRun, bool modelCoordinates,
        string? imagePath, CancellationToken cancellationToken)
    {
        var timeout = parse.GetValue(ApprovalTimeout);
        Durations.Seconds(timeout, "--approval-timeout");
        // Every action is checked here as the engine will check it, so a dry run refuses what a real run would refuse.
        foreach (var action in actions)
        {
            ComputerActionJson.Parse(action);
        }
        if (imagePath is not null)
        {
            OutputFile.CheckWritable(imagePath, "--out");
        }
        var reply = await engine.Api.RunStepsAsync(new StepRequest(task, actions, dryRun, modelCoordinates, parse.GetValue(NoGate), timeout, imagePath is not null),
            cancellationToken);
        if (reply.Interrupted)
        {
            // Whatever was held is released by now; the journal has the step's intent and that it was interrupted.
            await Console.Error.WriteLineAsync($"dispatch: {reply.Message} before the step finished; every key and button is released (journal: {reply.Journal})");
            return FailureReport.Cancelled;
        }
        if (reply.Steps.Count == 0)
        {
            await Console.Error.WriteLineAsync($"dispatch: nothing was done: {reply.Message}");
            return 1;
        }
        foreach (var step in reply.Steps)
        {
            var risk = step.Risk is { } level ? $"{step.Sentence}: {level} ({step.Reason}); " : "";
            var line = $"{risk}{(step.Decision is { } decision ? decision + "; " : "")}{step.Outcome}";
            if (step.Held)
            {
                await Console.Error.WriteLineAsync($"dispatch: held and not carried out: {line}{(step.Detail is { } why ? $" ({why})" : "")}");
                return 3;
            }
            if (!step.Ran)
            {
                await Console.Error.WriteLineAsync($"dispatch: {step.Detail ?? line}");
                return 1;
            }
            Console.WriteLine(line);
            if (step.Output is { } output)
            {
                Console.WriteLine(output);
            }
        }
        if (imagePath is not null && reply.Image is { } png)
        {
            await File.WriteAllBytesAsync(imagePath, png, cancellationToken);
            Console.WriteLine($"image: {imagePath}");
        }
        Console.WriteLine($"journal: {reply.Journal}");
        return 0;
    }
}
