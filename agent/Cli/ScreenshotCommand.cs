using System.CommandLine;
using System.Diagnostics;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;

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
        command.SetAction((parse, _) => CommonOptions.GuardAsync(async () =>
        {
            var area = parse.GetValue(region) is { } text ? Rect.Parse(text) : (Rect?)null;
            var path = parse.GetValue(output) ?? $"screenshot-{DateTime.Now:yyyyMMdd-HHmmss}.png";
            var format = FrameEncoder.FormatOf(path);
            Size? target = parse.GetValue(scale) is { } size ? Size.Parse(size) : null;
            using var desktop = CommonOptions.OpenDesktop(parse);
            var watch = Stopwatch.StartNew();
            using var frame = area is { } r ? desktop.Screen.Capture(r) : desktop.Screen.Capture();
            var captured = watch.Elapsed;
            var image = FrameEncoder.Encode(frame, format, targetSize: target);
            var encoded = watch.Elapsed - captured;
            await File.WriteAllBytesAsync(path, image.Bytes);
            Console.WriteLine($"{Path.GetFullPath(path)}: {image.Size.Width}x{image.Size.Height} of screen area {frame.Bounds}, " +
                $"{image.Bytes.Length / 1024.0:F0} KiB; capture {captured.TotalMilliseconds:F2} ms ({desktop.Screen.Method}), encode {encoded.TotalMilliseconds:F1} ms");
            return 0;
        }));
        return command;
    }
}
