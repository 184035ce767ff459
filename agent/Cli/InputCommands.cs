using System.CommandLine;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Input;

namespace Dispatch.Agent.Cli;

/// <summary>
/// <c>dispatch click</c>, <c>type</c> and <c>key</c>: synthesised input, each one step through the same risk policy,
/// approval gate and journal as <c>dispatch act</c> (<c>--no-gate</c> runs it without asking, and the journal says so).
/// </summary>
internal static class InputCommands
{
    public static Command Click()
    {
        var x = new Argument<int>("x") { Description = "Screen x in pixels." };
        var y = new Argument<int>("y") { Description = "Screen y in pixels." };
        var button = new Option<MouseButton>("--button") { Description = "left, middle or right.", DefaultValueFactory = _ => MouseButton.Left };
        var count = new Option<int>("--count") { Description = "1, 2 (double) or 3 (triple click; left button only).", DefaultValueFactory = _ => 1 };
        var hold = new Option<string?>("--hold") { Description = "Keys held during the click, e.g. shift or ctrl+shift." };
        var command = new Command("click", "Click at a screen point.") { x, y, button, count, hold };
        return WithGate(command, parse =>
        {
            var (which, times) = (parse.GetValue(button), parse.GetValue(count));
            var kind = (which, times) switch
            {
                (MouseButton.Left, 1) => ActionKind.LeftClick,
                (MouseButton.Left, 2) => ActionKind.DoubleClick,
                (MouseButton.Left, 3) => ActionKind.TripleClick,
                (MouseButton.Right, 1) => ActionKind.RightClick,
                (MouseButton.Middle, 1) => ActionKind.MiddleClick,
                _ => throw new ArgumentException($"--count {times} with --button {which.ToString().ToLowerInvariant()} is not a click; expected 1, or 2 or 3 with the left button."),
            };
            if (parse.GetValue(hold) is { } keys)
            {
                KeyChord.Parse(keys);
            }
            return new ComputerAction(kind) { Coordinate = new Point(parse.GetValue(x), parse.GetValue(y)), Text = parse.GetValue(hold) };
        });
    }

    public static Command Type()
    {
        var text = new Argument<string>("text") { Description = "Any Unicode text; a newline in the shell's string presses Return." };
        var command = new Command("type", "Type text into the focused window, whatever the keyboard layout.") { text };
        return WithGate(command, parse => new ComputerAction(ActionKind.Type) { Text = parse.GetValue(text) });
    }

    public static Command Key()
    {
        var keys = new Argument<string>("keys") { Description = "xdotool key syntax: ctrl+s, Return, shift+Tab, 'ctrl+a Delete' for a sequence." };
        var command = new Command("key", "Press a key chord (or several, separated by spaces).") { keys };
        return WithGate(command, parse =>
        {
            KeyChord.ParseSequence(parse.GetValue(keys)!);
            return new ComputerAction(ActionKind.Key) { Text = parse.GetValue(keys) };
        });
    }

    private static Command WithGate(Command command, Func<ParseResult, ComputerAction> action)
    {
        GateOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(() =>
            GateOptions.RunAsync(parse, $"dispatch {command.Name}", ComputerActionJson.Write(action(parse)), dryRun: false, modelCoordinates: false, cancellationToken)));
        return command;
    }
}
