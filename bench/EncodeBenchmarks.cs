using BenchmarkDotNet.Attributes;
using Dispatch.Engine;
using Dispatch.Engine.Capture;

namespace Dispatch.Bench;

/// <summary>Encoding a 1080p screenshot of a desktop with text windows; sizes are printed at setup.</summary>
[BenchmarkCategory("Encode")]
public class EncodeBenchmarks
{
    private static bool s_sizesPrinted;
    private Desktop _desktop = null!;
    private Frame _frame = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _desktop = BenchDesktop.Virtual.Open();
        await BenchDesktop.StartTerminalAsync(_desktop, "100x40+50+50");
        await BenchDesktop.StartTerminalAsync(_desktop, "90x30+900+300");
        _frame = _desktop.Screen.Capture().Clone();
        if (!s_sizesPrinted)
        {
            s_sizesPrinted = true;
            foreach (var format in Enum.GetValues<ImageFormat>())
            {
                Console.WriteLine($"// {format}: {FrameEncoder.Encode(_frame, format).Bytes.Length / 1024.0:F1} KiB for 1920x1080");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _frame.Dispose();
        BenchDesktop.CloseApps();
        _desktop.Dispose();
    }

    [Benchmark(Baseline = true, Description = "PNG level 1")]
    public int Png() => FrameEncoder.Encode(_frame, ImageFormat.Png).Bytes.Length;

    [Benchmark(Description = "JPEG q80")]
    public int Jpeg() => FrameEncoder.Encode(_frame, ImageFormat.Jpeg).Bytes.Length;

    [Benchmark(Description = "WebP lossless")]
    public int WebP() => FrameEncoder.Encode(_frame, ImageFormat.WebP).Bytes.Length;

    [Benchmark(Description = "PNG downscaled to 1280x720")]
    public int PngForModel() => FrameEncoder.Encode(_frame, ImageFormat.Png, targetSize: new Engine.Geometry.Size(1280, 720)).Bytes.Length;
}
