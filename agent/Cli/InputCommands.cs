using System.CommandLine;
using Dispatch.Engine.Actions;
using Dispatch.Agent.LocalApi;
using Dispatch.Engine.Input;

namespace Dispatch.Agent.Cli;

/// <summary>
/// <c>dispatch type</c> and <c>key</c>: synthesised input, each one step through the same risk policy,
/// approval gate and journal as <c>dispatch act</c> (<c>--no-gate</c> runs it without asking, and the journal says so).
/// </summary>
internal static class InputCommands
{
    public static Command Type()
    {
        var text = new Argument<string>("text") { Description = "Any Unicode text; a newline in the shell's string presses Return." };
        var command = new Command("type", "Type text into the focused window, whatever the keyboard layout.") { text };
        return WithGate(command, parse => [new ComputerAction(ActionKind.Type) { Text = parse.GetValue(text) }]);
    }

    public static Command Key()
    {
        var keys = new Argument<string>("keys") { Description = "xdotool key syntax: ctrl+s, Return, shift+Tab, 'ctrl+a Delete' for a sequence." };
        var delay = new Option<double>("--delay")
        {
            Description = "Milliseconds between the chords of a sequence (each chord is then a step of its own, judged on its own, with the screen settled before the next).",
            DefaultValueFactory = _ => 0,
        };
        var command = new Command("key", "Press a key chord (or several, separated by spaces).") { keys, delay };
        return WithGate(command, parse =>
        {
            var sequence = parse.GetValue(keys)!;
            KeyChord.ParseSequence(sequence);
            var pause = Durations.Seconds(parse.GetValue(delay) / 1000, "--delay (in seconds)", maximum: 100);
            if (pause == TimeSpan.Zero)
            {
                return [new ComputerAction(ActionKind.Key) { Text = sequence }];
            }
            var chords = sequence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return [.. chords.SelectMany((chord, i) => i == 0
                ? [new ComputerAction(ActionKind.Key) { Text = chord }]
                : new[] { new ComputerAction(ActionKind.Wait) { Duration = pause.TotalSeconds }, new ComputerAction(ActionKind.Key) { Text = chord } })];
        });
    }

    private static Command WithGate(Command command, Func<ParseResult, IReadOnlyList<ComputerAction>> actions)
    {
        GateOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(() =>
            GateOptions.RunAsync(parse, $"dispatch {command.Name}", actions(parse).Select(ComputerActionJson.Write).ToList(), dryRun: false, modelCoordinates: false,
                imagePath: null, cancellationToken)));
        return command;
    }
}
