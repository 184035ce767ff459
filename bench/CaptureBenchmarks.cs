using BenchmarkDotNet.Attributes;
using Dispatch.Engine;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;

namespace Dispatch.Bench;

/// <summary>Screen capture: MIT-SHM into a pooled shared segment against XGetImage over the connection.</summary>
[BenchmarkCategory("Capture")]
public class CaptureBenchmarks
{
    private Desktop _shared = null!;
    private Desktop _transfer = null!;
    private Rect _area;

    [Params("1920x1080", "200x200")]
    public string Area { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _shared = BenchDesktop.Virtual.Open(new DesktopOptions { CaptureMethod = CaptureMethod.SharedMemory, UseDamage = false });
        _transfer = BenchDesktop.Virtual.Open(new DesktopOptions { CaptureMethod = CaptureMethod.Transfer, UseDamage = false });
        _area = Area == "200x200" ? new Rect(860, 440, 200, 200) : _shared.Screen.Bounds;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _shared.Dispose();
        _transfer.Dispose();
    }

    [Benchmark(Baseline = true, Description = "XGetImage")]
    public long Transfer()
    {
        using var frame = _transfer.Screen.Capture(_area);
        return frame.Sequence;
    }

    [Benchmark(Description = "XShmGetImage")]
    public long SharedMemory()
    {
        using var frame = _shared.Screen.Capture(_area);
        return frame.Sequence;
    }
}
