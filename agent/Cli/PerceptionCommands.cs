using System.CommandLine;
using System.Text;
using System.Text.Json;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Vision;

namespace Dispatch.Agent.Cli;

/// <summary><c>dispatch inspect</c>, <c>find</c> and <c>ocr</c>: what the engine perceives.</summary>
internal static class PerceptionCommands
{
    public static Command Inspect()
    {
        var app = new Option<string?>("--app") { Description = "Only this application (accessible name, e.g. gnome-calculator)." };
        var pid = new Option<int?>("--pid") { Description = "Only the application of this process." };
        var window = new Option<string?>("--window") { Description = "Only the top-level window whose title contains this." };
        var json = new Option<bool>("--json") { Description = "Print the tree as JSON." };
        var hidden = new Option<bool>("--all") { Description = "Include elements that are not showing." };
        var command = new Command("inspect", "Print the accessibility tree: role, name, states, bounds, text, actions.") { app, pid, window, json, hidden };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            using var desktop = CommonOptions.OpenDesktop(parse);
            var scope = parse.GetValue(app) is { } a ? UiScope.Application(a)
                : parse.GetValue(pid) is { } p ? UiScope.Process(p)
                : parse.GetValue(window) is { } w ? UiScope.Window(w)
                : UiScope.Desktop;
            var tree = await desktop.Accessibility.SnapshotAsync(scope, new WalkLimits { ShowingOnly = !parse.GetValue(hidden) }, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(tree, AgentJsonContext.Default.UiTree));
            }
            else
            {
                var text = new StringBuilder();
                foreach (var node in tree.Nodes)
                {
                    text.Append(' ', node.Path.Depth * 2).Append(node)
                        .Append(node.Actions.Count > 0 ? $" actions={string.Join(',', node.Actions)}" : "").AppendLine();
                }
                Console.Write(text);
                Console.WriteLine($"{tree.NodeCount} elements of {scope} in {tree.Elapsed.TotalMilliseconds:0} ms{(tree.IsPartial ? $" (partial: {tree.PartialReason})" : "")}");
            }
            return 0;
        }));
        return command;
    }

    public static Command Find()
    {
        var query = new Argument<string>("locator") { Description = "e.g. 'role=\"push button\" name=\"Save\"', 'text=\"Total\" in window \"Invoice\"', 'image=save.png'." };
        var annotate = new Option<string?>("--annotate") { Description = "Write a screenshot with the matches outlined (PNG)." };
        var wait = new Option<double>("--wait") { Description = "Wait up to this many seconds for a match.", DefaultValueFactory = _ => 0 };
        var command = new Command("find", "Find elements with a locator; prints each match's channel, score and bounds, or the near misses.") { query, annotate, wait };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            using var desktop = CommonOptions.OpenDesktop(parse);
            using var ocr = new OcrEngine();
            var finder = new ElementFinder(desktop, ocr);
            var text = parse.GetValue(query)!;
            var seconds = CommonOptions.Seconds(parse.GetValue(wait), "--wait", maximum: 3600);
            if (seconds > TimeSpan.Zero)
            {
                await finder.WaitAsync(text, seconds, cancellationToken);
            }
            var result = await finder.FindAllAsync(text, cancellationToken);
            if (parse.GetValue(annotate) is { } path)
            {
                WriteAnnotated(desktop, result, path);
            }
            if (!result.Found)
            {
                await Console.Error.WriteLineAsync($"dispatch: {result.ExplainMiss()}");
                return 1;
            }
            foreach (var match in result.Matches)
            {
                Console.WriteLine(match);
            }
            Console.WriteLine($"{result.Matches.Count} match(es) via {string.Join(", ", result.Channels)} in {result.Elapsed.TotalMilliseconds:0} ms");
            return 0;
        }));
        return command;
    }

    public static Command Ocr()
    {
        var region = new Option<string?>("--region") { Description = "Only this area, as x,y,width,height." };
        var words = new Option<bool>("--words") { Description = "Print every word with its box and confidence." };
        var image = new Option<string?>("--image") { Description = "Read this image file instead of the screen." };
        var command = new Command("ocr", "Read the text on the screen (or a region, or an image file) with its positions.") { region, words, image };
        command.SetAction((parse, _) => CommonOptions.GuardAsync(() =>
        {
            var area = parse.GetValue(region) is { } r ? Rect.Parse(r) : (Rect?)null;
            using var ocr = new OcrEngine();
            using var frame = parse.GetValue(image) is { } file ? FrameEncoder.Decode(File.ReadAllBytes(file)) : CaptureFrom(parse, area);
            if (area is { } a && !frame.Bounds.Contains(a))
            {
                throw new ArgumentOutOfRangeException(nameof(region), a, $"The region {a} is not inside the image {frame.Bounds}.");
            }
            var result = ocr.Recognize(frame, area);
            foreach (var line in result.Lines)
            {
                Console.WriteLine(parse.GetValue(words) ? string.Join("  ", line.Words) : $"{line.Bounds}: {line.Text}");
            }
            Console.WriteLine($"{result.Words.Count()} words in {result.Lines.Count} lines from {result.BlocksRecognized} blocks in {result.Elapsed.TotalMilliseconds:0} ms");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Engine.Capture.Frame CaptureFrom(ParseResult parse, Rect? area)
    {
        using var desktop = CommonOptions.OpenDesktop(parse);
        return area is { } a ? desktop.Screen.Capture(a).Clone() : desktop.Screen.Capture().Clone();
    }

    private static void WriteAnnotated(Engine.Desktop desktop, FindResult result, string path)
    {
        using var frame = desktop.Screen.Capture();
        var annotations = result.Matches.Select(m => new ScreenAnnotation(m.Bounds, $"{m.Channel} {m.Score:0.00}", IsPrimary: true))
            .Concat(result.NearMisses.Where(m => m.Bounds is not null).Select(m => new ScreenAnnotation(m.Bounds!.Value, $"{m.Channel} {m.Score:0.00}", IsPrimary: false)));
        File.WriteAllBytes(path, Annotator.AnnotatePng(frame, annotations));
        Console.WriteLine($"annotated screenshot: {Path.GetFullPath(path)}");
    }
}
