using System.CommandLine;
using System.Text;
using System.Text.Json;
using Dispatch.Agent.LocalApi;

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
            using var engine = CommonOptions.Connect(parse);
            var tree = await engine.Api.InspectAsync(
                new InspectRequest(parse.GetValue(app), parse.GetValue(pid), parse.GetValue(window), parse.GetValue(hidden)), cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(tree, LocalApiJsonContext.Default.TreeReply));
                return 0;
            }
            var text = new StringBuilder();
            foreach (var node in tree.Root.DescendantsAndSelf())
            {
                text.Append(' ', node.Depth * 2).Append(node)
                    .Append(node.Actions.Count > 0 ? $" actions={string.Join(',', node.Actions)}" : "").AppendLine();
            }
            Console.Write(text);
            Console.WriteLine($"{tree.NodeCount} elements of {tree.Scope} in {tree.ElapsedMilliseconds:0} ms{(tree.IsPartial ? $" (partial: {tree.PartialReason})" : "")}");
            return 0;
        }));
        return command;
    }

    public static Command Find()
    {
        var query = new Argument<string>("locator") { Description = "e.g. 'role=\"push button\" name=\"Save\"', 'text=\"Total\" in window \"Invoice\"', 'image=save.png'." };
        var annotate = new Option<string?>("--annotate") { Description = "Write a screenshot with the matches outlined (PNG)." };
        var wait = new Option<double>("--wait") { Description = "Wait up to this many seconds for a match.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print the matches, near misses and channels as JSON (exit 1 still means no match)." };
        var command = new Command("find", "Find elements with a locator; prints each match's channel, score and bounds, or the near misses.") { query, annotate, wait, json };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            var seconds = parse.GetValue(wait);
            Durations.Seconds(seconds, "--wait", maximum: 3600);
            var annotated = parse.GetValue(annotate) is { } file ? Path.GetFullPath(file) : null;
            if (annotated is not null)
            {
                OutputFile.CheckWritable(annotated, "--annotate");
            }
            using var engine = CommonOptions.Connect(parse);
            var result = await engine.Api.FindAsync(new FindRequest(parse.GetValue(query)!, seconds, annotated is not null), cancellationToken);
            if (annotated is not null && result.Annotated is { } png)
            {
                await File.WriteAllBytesAsync(annotated, png, cancellationToken);
                Console.WriteLine($"annotated screenshot: {annotated}");
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result with { Annotated = null }, LocalApiJsonContext.Default.FindReply));
                return result.Found ? 0 : 1;
            }
            if (!result.Found)
            {
                await Console.Error.WriteLineAsync($"dispatch: {result.Miss}");
                return 1;
            }
            foreach (var match in result.Matches)
            {
                Console.WriteLine(match.Summary);
            }
            Console.WriteLine($"{result.Matches.Count} match(es) via {string.Join(", ", result.Channels)} in {result.ElapsedMilliseconds:0} ms");
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
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            var bytes = parse.GetValue(image) is { } file ? await ReadImageAsync(file, cancellationToken) : null;
            using var engine = CommonOptions.Connect(parse);
            var result = await engine.Api.OcrAsync(new OcrRequest(parse.GetValue(region), bytes), cancellationToken);
            foreach (var line in result.Lines)
            {
                Console.WriteLine(parse.GetValue(words) ? string.Join("  ", line.Words) : $"{line.Bounds}: {line.Text}");
            }
            Console.WriteLine($"{result.Lines.Sum(l => l.Words.Count)} words in {result.Lines.Count} lines from {result.Blocks} blocks in {result.ElapsedMilliseconds:0} ms");
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// Reads an image file of at most <see cref="InProcessDesktopApi.MaxImageBytes"/>, reading no further than that: a device
    /// such as /dev/zero or a file still growing ends in an error, not in all of memory.
    /// </summary>
    private static async Task<byte[]> ReadImageAsync(string file, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The image '{path}' does not exist.");
        }
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, useAsync: false);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > InProcessDesktopApi.MaxImageBytes)
            {
                throw new IOException($"The image '{path}' is larger than {InProcessDesktopApi.MaxImageBytes} bytes, the most that is read.");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
