using System.CommandLine;
using Dispatch.Agent.LocalApi;

namespace Dispatch.Agent.Cli;

/// <summary><c>dispatch window activate|move|resize|close</c> and <c>dispatch wait-window</c>: top-level windows by title or id.</summary>
internal static class WindowCommands
{
    private const string WindowDescription = "The window's id (0x…, as 'dispatch windows' prints it) or title (exact, else contained; several is an error).";

    public static Command Window() => new("window", "Arrange a top-level window named by its title or id.")
    {
        Arrange("activate", "Raise the window and give it the keyboard focus."),
        Arrange("move", "Move the window's top-left corner to x y (screen pixels).", "x", "y"),
        Arrange("resize", "Resize the window to width height (pixels).", "width", "height"),
        Arrange("close", "Ask the window to close, as its close button does (the app may ask about unsaved work). Needs --no-gate: the policy cannot judge what a close loses.", withGate: true),
    };

    public static Command WaitWindow()
    {
        var title = new Argument<string>("title") { Description = "Text the window's title contains (case-insensitive)." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait.", DefaultValueFactory = _ => 30 };
        var command = new Command("wait-window", "Wait until a window whose title contains the text is shown; prints it and the time waited.") { title, timeout };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            using var engine = CommonOptions.Connect(parse);
            var reply = await engine.Api.WaitWindowAsync(new WaitWindowRequest(parse.GetValue(title)!, parse.GetValue(timeout)), cancellationToken);
            Console.WriteLine($"{reply.Window} after {reply.ElapsedMilliseconds:0} ms");
            return 0;
        }));
        return command;
    }

    private static Command Arrange(string action, string description, string? first = null, string? second = null, bool withGate = false)
    {
        var window = new Argument<string>("window") { Description = WindowDescription };
        var command = new Command(action, description) { window };
        var numbers = new[] { first, second }.OfType<string>().Select(n => new Argument<int>(n) { Description = $"The new {n} in pixels." }).ToList();
        numbers.ForEach(command.Arguments.Add);
        if (withGate)
        {
            command.Options.Add(GateOptions.NoGate);
        }
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            int? Value(int index) => numbers.Count > index ? parse.GetValue(numbers[index]) : null;
            var request = action == "resize"
                ? new WindowRequest(action, parse.GetValue(window)!, Width: Value(0), Height: Value(1))
                : new WindowRequest(action, parse.GetValue(window)!, X: Value(0), Y: Value(1), NoGate: withGate && parse.GetValue(GateOptions.NoGate));
            using var engine = CommonOptions.Connect(parse);
            var reply = await engine.Api.ArrangeWindowAsync(request, cancellationToken);
            Console.WriteLine(action == "close"
                ? reply.Closed ? $"closed: {reply.Window}" : $"asked to close, still open (it may be asking about unsaved work): {reply.Window}"
                : $"{action}: {reply.Window}");
            return 0;
        }));
        return command;
    }
}
