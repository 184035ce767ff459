using System.CommandLine;
using Dispatch.Agent.LocalApi;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Input;
using Dispatch.Engine.Locators;

namespace Dispatch.Agent.Cli;

/// <summary>
/// <c>dispatch click</c>, <c>double-click</c>, <c>right-click</c>, <c>set-text</c>, <c>get-text</c>, <c>invoke</c>, <c>scroll</c>
/// and <c>drag</c>, on a screen point or a locator, with no JSON. Each acting command is one task through the risk policy, the
/// approval gate and the journal, as <c>dispatch act</c>: a click on a locator is an element action (the located element is
/// judged and clicked); double and right clicks, scrolls and drags on a locator act at the centre of the one element it finds,
/// where the policy judges what is there.
/// </summary>
internal static class ElementCommands
{
    private const string TargetUsage = "a point 'x y' or 'x,y', or a locator such as 'role=\"push button\" name=\"OK\"'";

    private static readonly Option<double> Wait = new("--wait")
    {
        Description = "Wait up to this many seconds for the locator to match.",
        DefaultValueFactory = _ => 0,
    };

    private static readonly Option<bool> First = new("--first")
    {
        Description = "When the locator matches several elements, take the best instead of refusing.",
    };

    private static readonly Option<string?> Hold = new("--hold") { Description = "Keys held meanwhile, e.g. shift or ctrl+shift." };

    public static Command Click() => ClickCommand("click", "Click a point or the element a locator finds.", MouseButton.Left, 1, withOptions: true);

    public static Command DoubleClick() => ClickCommand("double-click", "Double-click a point or the element a locator finds.", MouseButton.Left, 2, withOptions: false);

    public static Command RightClick() => ClickCommand("right-click", "Right-click a point or the element a locator finds.", MouseButton.Right, 1, withOptions: false);

    public static Command SetText()
    {
        var locator = new Argument<string>("locator") { Description = "The accessible text field, e.g. 'role=text name=\"Name\"'." };
        var text = new Argument<string>("text") { Description = "Its new text, replacing what is there." };
        var command = new Command("set-text", "Replace the text of an accessible field.") { locator, text, Wait, First };
        return Acting(command, async (parse, engine, cancellationToken) =>
            [new ComputerAction(ActionKind.SetText) { Locator = await ElementLocatorAsync(parse, engine, parse.GetValue(locator)!, cancellationToken), Text = parse.GetValue(text) }]);
    }

    public static Command Invoke()
    {
        var locator = new Argument<string>("locator") { Description = "The accessible element." };
        var name = new Option<string?>("--action") { Description = "The accessible action to perform (default: its first, e.g. click, press, activate)." };
        var command = new Command("invoke", "Perform an element's accessible action (press a button, toggle, expand) without the mouse.") { locator, name, Wait, First };
        return Acting(command, async (parse, engine, cancellationToken) =>
            [new ComputerAction(ActionKind.Invoke) { Locator = await ElementLocatorAsync(parse, engine, parse.GetValue(locator)!, cancellationToken), ActionName = parse.GetValue(name) }]);
    }

    public static Command Scroll()
    {
        var target = TargetArgument(1, 2);
        var direction = new Option<ScrollDirection>("--direction", "-d") { Description = "up, down, left or right.", DefaultValueFactory = _ => ScrollDirection.Down };
        var amount = new Option<int>("--amount", "-n") { Description = "Wheel clicks, 1 to 100.", DefaultValueFactory = _ => 3 };
        var command = new Command("scroll", "Scroll at a point or over the element a locator finds.") { target, direction, amount, Hold, Wait, First };
        return Acting(command, async (parse, engine, cancellationToken) =>
        {
            var at = await PointOfAsync(parse, engine, Target.Parse(parse.GetValue(target)!, 1, TargetUsage)[0], cancellationToken);
            return [new ComputerAction(ActionKind.Scroll)
            {
                Coordinate = at, ScrollDirection = parse.GetValue(direction), ScrollAmount = parse.GetValue(amount), Text = HeldKeys(parse),
            }];
        });
    }

    public static Command Drag()
    {
        var targets = TargetArgument(2, 4, "from-and-to", "Where the drag starts and where it drops: two points or locators (a point is 'x y' or 'x,y').");
        var command = new Command("drag", "Press at one place, move to another and let go (left button).") { targets, Hold, Wait, First };
        return Acting(command, async (parse, engine, cancellationToken) =>
        {
            var ends = Target.Parse(parse.GetValue(targets)!, 2, $"two places, each {TargetUsage}");
            var from = await PointOfAsync(parse, engine, ends[0], cancellationToken);
            var to = await PointOfAsync(parse, engine, ends[1], cancellationToken);
            return [new ComputerAction(ActionKind.LeftClickDrag) { StartCoordinate = from, Coordinate = to, Text = HeldKeys(parse) }];
        });
    }

    public static Command GetText()
    {
        var locator = new Argument<string>("locator") { Description = "The element to read." };
        var command = new Command("get-text", "Print an element's text: by accessibility (its text, else its name), else read by OCR.") { locator, Wait, First };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            using var engine = CommonOptions.Connect(parse);
            var reply = await engine.Api.LocateAsync(new LocateRequest(parse.GetValue(locator)!, Seconds(parse), parse.GetValue(First), ReadText: true), cancellationToken);
            Console.WriteLine(reply.Text);
            return 0;
        }));
        return command;
    }

    private static Command ClickCommand(string name, string description, MouseButton defaultButton, int defaultCount, bool withOptions)
    {
        var target = TargetArgument(1, 2);
        var button = new Option<MouseButton>("--button") { Description = "left, middle or right.", DefaultValueFactory = _ => defaultButton };
        var count = new Option<int>("--count") { Description = "1, 2 (double) or 3 (triple click; left button only).", DefaultValueFactory = _ => defaultCount };
        var command = new Command(name, description) { target, Hold, Wait, First };
        if (withOptions)
        {
            command.Options.Add(button);
            command.Options.Add(count);
        }
        return Acting(command, async (parse, engine, cancellationToken) =>
        {
            var (which, times) = withOptions ? (parse.GetValue(button), parse.GetValue(count)) : (defaultButton, defaultCount);
            var kind = (which, times) switch
            {
                (MouseButton.Left, 1) => ActionKind.LeftClick,
                (MouseButton.Left, 2) => ActionKind.DoubleClick,
                (MouseButton.Left, 3) => ActionKind.TripleClick,
                (MouseButton.Right, 1) => ActionKind.RightClick,
                (MouseButton.Middle, 1) => ActionKind.MiddleClick,
                _ => throw new ArgumentException($"--count {times} with --button {which.ToString().ToLowerInvariant()} is not a click; expected 1, or 2 or 3 with the left button."),
            };
            var place = Target.Parse(parse.GetValue(target)!, 1, TargetUsage)[0];
            var held = HeldKeys(parse);
            // A plain click on a locator is an element action: the step judges and clicks the element the locator found.
            if (place.Locator is { } locator && kind == ActionKind.LeftClick && held is null)
            {
                return [new ComputerAction(ActionKind.ClickElement) { Locator = await ElementLocatorAsync(parse, engine, locator, cancellationToken) }];
            }
            return [new ComputerAction(kind) { Coordinate = await PointOfAsync(parse, engine, place, cancellationToken), Text = held }];
        });
    }

    private static Argument<string[]> TargetArgument(int least, int most, string name = "target", string? description = null) => new(name)
    {
        Description = description ?? $"Where: {TargetUsage}.",
        Arity = new ArgumentArity(least, most),
    };

    /// <summary>Adds the gate's options and runs the actions the body makes as one task, on one connection.</summary>
    private static Command Acting(Command command, Func<ParseResult, EngineConnection, CancellationToken, Task<IReadOnlyList<ComputerAction>>> actions)
    {
        GateOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            Durations.Seconds(parse.GetValue(Wait), "--wait", maximum: 3600);
            using var engine = CommonOptions.Connect(parse, parse.GetValue(GateOptions.Journal));
            var made = await actions(parse, engine, cancellationToken);
            return await GateOptions.RunAsync(parse, engine, $"dispatch {command.Name}", made.Select(ComputerActionJson.Write).ToList(), dryRun: false,
                modelCoordinates: false, imagePath: null, cancellationToken);
        }));
        return command;
    }

    /// <summary>
    /// The locator an element action runs: after waiting for it when <c>--wait</c> says so, and made to take the best of
    /// several matches (<c>#1</c>) when <c>--first</c> says so. The step's own search then finds what it acts on.
    /// </summary>
    private static async Task<string> ElementLocatorAsync(ParseResult parse, EngineConnection engine, string locator, CancellationToken cancellationToken)
    {
        var first = parse.GetValue(First) && LocatorParser.Parse(locator).Index is null;
        if (Seconds(parse) > 0)
        {
            await engine.Api.LocateAsync(new LocateRequest(locator, Seconds(parse), First: true, ReadText: false), cancellationToken);
        }
        return first ? $"{locator} #1" : locator;
    }

    /// <summary>The point itself, or the centre of the one element the locator finds.</summary>
    private static async Task<Point> PointOfAsync(ParseResult parse, EngineConnection engine, Target target, CancellationToken cancellationToken)
    {
        if (target.Point is { } point)
        {
            return point;
        }
        var reply = await engine.Api.LocateAsync(new LocateRequest(target.Locator!, Seconds(parse), parse.GetValue(First), ReadText: false), cancellationToken);
        var bounds = reply.Match.Bounds ?? throw new Engine.DispatchException($"'{target.Locator}' found {reply.Match.Description}, which has no place on the screen.");
        return new Rect(bounds.X, bounds.Y, bounds.Width, bounds.Height).Center;
    }

    private static string? HeldKeys(ParseResult parse)
    {
        if (parse.GetValue(Hold) is not { } keys)
        {
            return null;
        }
        KeyChord.Parse(keys);
        return keys;
    }

    private static double Seconds(ParseResult parse) => parse.GetValue(Wait);
}
