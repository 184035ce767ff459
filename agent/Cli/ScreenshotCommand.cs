using System.CommandLine;
using Dispatch.Agent.LocalApi;
using Dispatch.Engine.Capture;

namespace Dispatch.Agent.Cli;

/// <summary><c>dispatch screenshot</c>: captures the screen or a region to PNG, JPEG or WebP.</summary>
internal static class ScreenshotCommand
{
    public static Command Create()
    {
        var region = new Option<string?>("--region") { Description = "Only this area, as x,y,width,height in screen pixels." };
        var output = new Option<string?>("--out", "-o") { Description = "The file to write (.png, .jpg or .webp). Default: screenshot-<time>.png here." };
        var scale = new Option<string?>("--scale") { Description = "Downscale to WIDTHxHEIGHT (e.g. 1280x800), as screenshots for a model are." };
        var command = new Command("screenshot", "Capture the screen (or a region) to an image file.") { region, output, scale };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            var path = Path.GetFullPath(parse.GetValue(output) ?? $"screenshot-{DateTime.Now:yyyyMMdd-HHmmss}.png");
            OutputFile.CheckWritable(path, "--out");
            var format = FrameEncoder.FormatOf(path);
            using var engine = CommonOptions.Connect(parse);
            var reply = await engine.Api.ScreenshotAsync(new ScreenshotRequest(parse.GetValue(region), format.ToString().ToLowerInvariant(), parse.GetValue(scale)),
                cancellationToken);
            await File.WriteAllBytesAsync(path, reply.Image, cancellationToken);
            Console.WriteLine($"{path}: {reply.Width}x{reply.Height} of screen area {reply.Area}, " +
                $"{reply.Image.Length / 1024.0:F0} KiB; capture {reply.CaptureMilliseconds:F2} ms ({reply.Method}), encode {reply.EncodeMilliseconds:F1} ms");
            return 0;
        }));
        return command;
    }
}
