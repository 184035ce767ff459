using System.CommandLine;
using Dispatch.Agent.LocalApi;
using Dispatch.Engine;
using Dispatch.Engine.Recipes;
using Dispatch.Engine.Recording;

namespace Dispatch.Agent.Cli;

/// <summary>
/// <c>dispatch recipe run &lt;recipe.yaml&gt; [--param k=v ...] [--dry-run]</c> runs a recipe through the policy and the
/// approval gate (asking on this terminal; through the display's host when one runs), and <c>dispatch recipe check</c>
/// only validates it. Exit 0 when done, 3 when a step was held and not approved, 1 on failure.
/// </summary>
internal static class RecipeCommand
{
    public static Command Create()
    {
        var command = new Command("recipe", "Run or check a recipe: a YAML file of steps (see README, \"Recipes\").");
        command.Subcommands.Add(Run());
        command.Subcommands.Add(Check());
        command.Subcommands.Add(FromRecording());
        return command;
    }

    private static Command FromRecording()
    {
        var folder = new Argument<string>("session") { Description = "A session folder written by 'dispatch record'." };
        var output = new Option<string>("--output", "-o") { Description = "The recipe file to write (.yaml); the target images it needs are copied next to it.", Required = true };
        var name = new Option<string?>("--name") { Description = "The recipe's name (default: the session folder's name)." };
        var command = new Command("from-recording", "Turn a recorded session into an editable recipe that uses locators, not coordinates.") { folder, output, name };
        command.SetAction((parse, _) => CommonOptions.GuardAsync(() =>
        {
            var session = Path.GetFullPath(parse.GetValue(folder)!);
            var target = Path.GetFullPath(parse.GetValue(output)!);
            if (File.Exists(target))
            {
                throw new DispatchException($"'{target}' exists; choose a new file for the recipe (nothing was written).");
            }
            var (yaml, images) = RecipeFromRecording.Convert(SessionFolder.ReadSession(session), SessionFolder.ReadSteps(session),
                parse.GetValue(name) ?? Path.GetFileName(session));
            // Checked as 'recipe check' would: what is written always loads.
            RecipeParser.Parse(yaml, target);
            var directory = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(directory);
            foreach (var image in images)
            {
                File.Copy(Path.Combine(session, image), Path.Combine(directory, image), overwrite: false);
            }
            File.WriteAllText(target, yaml);
            Console.WriteLine($"wrote {target} ({images.Count} image(s) beside it); check it with: dispatch recipe check {target}");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Run()
    {
        var file = new Argument<string>("recipe") { Description = "The recipe file (.yaml)." };
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = "A parameter value as name=value; repeat for each.",
            AllowMultipleArgumentsPerToken = false,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Classify and journal the acting steps without carrying them out; skip launches, waits, reads and assertions." };
        var command = new Command("run", "Run a recipe through the approval gate and journal it.") { file, parameters, dryRun };
        GateOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(() =>
            RunAsync(parse, parse.GetValue(file)!, parse.GetValue(parameters) ?? [], parse.GetValue(dryRun), cancellationToken)));
        return command;
    }

    private static Command Check()
    {
        var file = new Argument<string>("recipe") { Description = "The recipe file (.yaml)." };
        var command = new Command("check", "Validate a recipe without running it: errors give file, line, column and field.") { file };
        command.SetAction((parse, _) => CommonOptions.GuardAsync(() =>
        {
            var recipe = RecipeParser.Load(parse.GetValue(file)!);
            Console.WriteLine($"{recipe.File}: ok — \"{recipe.Name}\", version {recipe.Version}, {recipe.Steps.Count} steps");
            foreach (var parameter in recipe.Parameters)
            {
                var kind = parameter.Type.ToString().ToLowerInvariant();
                var value = parameter.Default is null ? "required" : parameter.Type == RecipeParameterType.Secret ? "has a default" : $"default {parameter.Default}";
                Console.WriteLine($"  --param {parameter.Name}=<{kind}>  {value}{(parameter.Description is { } d ? " — " + d : "")}");
            }
            return Task.FromResult(0);
        }));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, string file, string[] pairs, bool dryRun, CancellationToken cancellationToken)
    {
        var timeout = parse.GetValue(GateOptions.ApprovalTimeout);
        Durations.Seconds(timeout, "--approval-timeout");
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var split = pair.IndexOf('=', StringComparison.Ordinal);
            if (split <= 0)
            {
                throw new ArgumentException($"--param '{pair}' has no name; expected name=value, e.g. --param a=12.");
            }
            given[pair[..split]] = pair[(split + 1)..];
        }
        var text = await File.ReadAllTextAsync(file, cancellationToken);
        // Checked here as the engine will check it, so a bad recipe or value fails before connecting to anything.
        var recipe = RecipeParser.Parse(text, file);
        RecipeValues.Bind(recipe, given, Directory.GetCurrentDirectory());
        using var engine = CommonOptions.Connect(parse, parse.GetValue(GateOptions.Journal));
        var reply = await engine.Api.RunRecipeAsync(new RecipeRequest(text, file, given, Directory.GetCurrentDirectory(), dryRun, parse.GetValue(GateOptions.NoGate), timeout),
            cancellationToken);
        foreach (var step in reply.Steps)
        {
            var risk = step.Risk is { } level ? $"{step.Sentence}: {level}; " : "";
            Console.WriteLine($"  {risk}{(step.Decision is { } decision ? decision + "; " : "")}{step.Outcome}");
        }
        foreach (var (name, value) in reply.Variables)
        {
            Console.WriteLine($"{name} = {value}");
        }
        if (reply.Interrupted)
        {
            await Console.Error.WriteLineAsync($"dispatch: {reply.Message}; every key and button is released (journal: {reply.Journal})");
            return FailureReport.Cancelled;
        }
        switch (reply.RecipeOutcome)
        {
            case "completed":
                Console.WriteLine(reply.Message);
                Console.WriteLine($"journal: {reply.Journal}");
                return 0;
            case "held":
                await Console.Error.WriteLineAsync($"dispatch: {reply.Message}");
                return 3;
            default:
                await Console.Error.WriteLineAsync($"dispatch: {reply.Message}");
                return 1;
        }
    }
}
