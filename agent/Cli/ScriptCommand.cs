using System.CommandLine;
using System.Diagnostics;
using Dispatch.Agent.LocalApi;
using Dispatch.Engine;

namespace Dispatch.Agent.Cli;

/// <summary>
/// <c>dispatch script &lt;file&gt;</c> (or <c>-</c> for standard input): runs many commands in this one process, one per line in
/// the CLI's own syntax (shell-like quoting, <c>#</c> comments), all on one connection — the display's host when one runs, else
/// an engine of this process — so nothing is started, connected or learnt twice. Stops at the first command that fails, naming
/// the file and line, with its exit status; prints a summary.
/// </summary>
internal static class ScriptCommand
{
    // These would start a second host, a script within the script, or hold the script's connection for themselves.
    private static readonly string[] s_refused = ["run", "script", "stop"];

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The script: one dispatch command per line without 'dispatch', e.g. click 'name=\"7\"'; '-' reads standard input." };
        var command = new Command("script", "Run the commands of a file (or stdin) in one process, keeping the connection and caches; stops at the first failure.") { file, GateOptions.Journal };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            var name = parse.GetValue(file)!;
            var lines = name == "-" ? await ReadAllLinesAsync(Console.In, cancellationToken) : await File.ReadAllLinesAsync(Path.GetFullPath(name), cancellationToken);
            var label = name == "-" ? "stdin" : name;
            // Every line is checked before any runs: a typo on line 9 must not leave the first eight done and the rest not.
            var commands = new List<(int Line, IReadOnlyList<string> Words)>();
            for (var i = 0; i < lines.Length; i++)
            {
                IReadOnlyList<string> words;
                try
                {
                    words = ShellWords.Split(lines[i]);
                }
                catch (FormatException bad)
                {
                    throw new DispatchException($"{label}:{i + 1}: {bad.Message}");
                }
                if (words.Count == 0)
                {
                    continue;
                }
                var parsed = CliApp.Parse(words);
                if (parsed.Errors.Count > 0)
                {
                    throw new DispatchException($"{label}:{i + 1}: {parsed.Errors[0].Message}");
                }
                if (s_refused.Contains(parsed.CommandResult.Command.Name) || parsed.CommandResult.Command is RootCommand)
                {
                    throw new DispatchException($"{label}:{i + 1}: '{string.Join(' ', words)}' cannot run in a script; expected a command such as click, type, key, find or launch");
                }
                commands.Add((i + 1, words));
            }
            string[] global = [.. parse.GetValue(CommonOptions.Display) is { } display ? ["--display", display] : Array.Empty<string>(), .. parse.GetValue(CommonOptions.Direct) ? ["--direct"] : Array.Empty<string>()];
            var watch = Stopwatch.StartNew();
            using var engine = CommonOptions.Connect(parse, parse.GetValue(GateOptions.Journal));
            var error = Console.Error;
            CommonOptions.Share(engine);
            try
            {
                for (var done = 0; done < commands.Count; done++)
                {
                    var (line, words) = commands[done];
                    Console.SetError(new LinePrefixWriter(error, "dispatch: ", $"dispatch: {label}:{line}: "));
                    int status;
                    try
                    {
                        status = await CliApp.Parse([.. global, .. words]).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, cancellationToken);
                    }
                    finally
                    {
                        Console.SetError(error);
                    }
                    if (status != 0)
                    {
                        Console.WriteLine($"{label}: stopped at line {line} (exit {status}) after {done} of {commands.Count} commands in {watch.Elapsed.TotalSeconds:0.00} s" +
                            $" {(engine.ThroughHost ? "through the host" : "in this process")}");
                        return status;
                    }
                }
            }
            finally
            {
                CommonOptions.Share(null);
            }
            Console.WriteLine($"{label}: {commands.Count} commands in {watch.Elapsed.TotalSeconds:0.00} s {(engine.ThroughHost ? "through the host" : "in this process")}");
            return 0;
        }));
        return command;
    }

    private static async Task<string[]> ReadAllLinesAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lines.Add(line);
        }
        return [.. lines];
    }
}
