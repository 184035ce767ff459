using System.CommandLine;
using Dispatch.Agent.LocalApi;
using Dispatch.Engine;

namespace Dispatch.Agent.Cli;

/// <summary>
/// <c>dispatch launch &lt;program&gt; [args…]</c>: starts a program on the desktop with the desktop's environment and its
/// toolkit's accessibility switched on, waits for its window and prints its process and window. The program keeps running
/// after the command; its output goes to a file.
/// </summary>
internal static class LaunchCommand
{
    public static Command Create()
    {
        var program = new Argument<string>("program") { Description = "A program on PATH or a path (not a shell line)." };
        var arguments = new Argument<string[]>("args") { Description = "Its arguments.", Arity = ArgumentArity.ZeroOrMore };
        var window = new Option<string?>("--window") { Description = "Wait for a window whose title contains this (default: the program's own first window, or a child process's)." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds the window may take.", DefaultValueFactory = _ => 60 };
        var output = new Option<string?>("--output") { Description = "Append the program's output here (default: a log under the state folder's launch/)." };
        var command = new Command("launch", "Start a program on the desktop and wait for its window; prints its pid and window.") { program, arguments, window, timeout, output };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            var name = parse.GetValue(program)!;
            var log = Path.GetFullPath(parse.GetValue(output)
                ?? Path.Combine(StateDirectory.ForCurrentUser, "launch", $"{Path.GetFileName(name)}-{DateTime.Now:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log"));
            if (parse.GetValue(output) is null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(log)!);
            }
            OutputFile.CheckWritable(log, "--output");
            using var engine = CommonOptions.Connect(parse);
            var reply = await engine.Api.LaunchAsync(new LaunchRequest(name, parse.GetValue(arguments) ?? [], parse.GetValue(window),
                parse.GetValue(timeout), log, Environment.CurrentDirectory), cancellationToken);
            Console.WriteLine($"pid {reply.ProcessId} window {reply.Window} after {reply.ElapsedMilliseconds:0} ms; output: {log}");
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// Marks where a launched program's own arguments start (<c>--</c> after the program's name), so that
    /// <c>dispatch launch zenity --entry --timeout 5</c> passes <c>--entry --timeout 5</c> to zenity: after the program, nothing
    /// is <c>launch</c>'s. Other command lines are returned as they are.
    /// </summary>
    public static IReadOnlyList<string> SeparateProgramArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string[] valued = ["--display", "--window", "--timeout", "--output"];
        var i = 0;
        for (; i < args.Count && args[i].StartsWith('-'); i += valued.Contains(args[i]) ? 2 : 1)
        {
        }
        if (i >= args.Count || args[i] != "launch")
        {
            return args;
        }
        for (i++; i < args.Count && args[i].StartsWith('-') && args[i] != "--"; i += valued.Contains(args[i]) ? 2 : 1)
        {
        }
        return i + 1 < args.Count && args[i] != "--" && args[i + 1] != "--" ? [.. args.Take(i + 1), "--", .. args.Skip(i + 1)] : args;
    }
}
