using System.CommandLine;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Input;

namespace Dispatch.Agent.Cli;

/// <summary><c>dispatch click</c>, <c>type</c> and <c>key</c>: synthesised input.</summary>
internal static class InputCommands
{
    public static Command Click()
    {
        var x = new Argument<int>("x") { Description = "Screen x in pixels." };
        var y = new Argument<int>("y") { Description = "Screen y in pixels." };
        var button = new Option<MouseButton>("--button") { Description = "left, middle or right.", DefaultValueFactory = _ => MouseButton.Left };
        var count = new Option<int>("--count") { Description = "1, 2 (double) or 3 (triple click).", DefaultValueFactory = _ => 1 };
        var hold = new Option<string?>("--hold") { Description = "Keys held during the click, e.g. shift or ctrl+shift." };
        var command = new Command("click", "Click at a screen point.") { x, y, button, count, hold };
        command.SetAction((parse, _) => CommonOptions.GuardAsync(() =>
        {
            using var desktop = CommonOptions.OpenDesktop(parse);
            var point = new Point(parse.GetValue(x), parse.GetValue(y));
            desktop.Input.Click(point, parse.GetValue(button), parse.GetValue(count), parse.GetValue(hold) is { } keys ? KeyChord.Parse(keys) : null);
            Console.WriteLine($"clicked {parse.GetValue(button).ToString().ToLowerInvariant()} x{parse.GetValue(count)} at {point}");
            return Task.FromResult(0);
        }));
        return command;
    }

    public static Command Type()
    {
        var text = new Argument<string>("text") { Description = "Any Unicode text; \\n in the shell's string presses Return." };
        var delay = new Option<int>("--delay") { Description = "Milliseconds between characters.", DefaultValueFactory = _ => 0 };
        var command = new Command("type", "Type text into the focused window, whatever the keyboard layout.") { text, delay };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            using var desktop = CommonOptions.OpenDesktop(parse);
            var value = parse.GetValue(text)!;
            await desktop.Input.TypeAsync(value, TimeSpan.FromMilliseconds(parse.GetValue(delay)), cancellationToken);
            Console.WriteLine($"typed {value.Length} characters");
            return 0;
        }));
        return command;
    }

    public static Command Key()
    {
        var keys = new Argument<string>("keys") { Description = "xdotool key syntax: ctrl+s, Return, shift+Tab, 'ctrl+a Delete' for a sequence." };
        var command = new Command("key", "Press a key chord (or several, separated by spaces).") { keys };
        command.SetAction((parse, _) => CommonOptions.GuardAsync(() =>
        {
            using var desktop = CommonOptions.OpenDesktop(parse);
            desktop.Input.PressKeys(parse.GetValue(keys)!);
            Console.WriteLine($"pressed {parse.GetValue(keys)}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
