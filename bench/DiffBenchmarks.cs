using BenchmarkDotNet.Attributes;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;

namespace Dispatch.Bench;

/// <summary>Comparing two 1080p frames: the tile diff against a plain SequenceEqual over the same buffers.</summary>
[BenchmarkCategory("Diff")]
public class DiffBenchmarks
{
    private Frame _before = null!;
    private Frame _same = null!;
    private Frame _changed = null!;

    [GlobalSetup]
    public void Setup()
    {
        var bounds = new Rect(0, 0, 1920, 1080);
        _before = Frame.Create(bounds);
        var random = new Random(42);
        for (var y = 0; y < _before.Height; y++)
        {
            random.NextBytes(_before.Row(y));
        }
        _same = _before.Clone();
        _changed = _before.Clone();
        _changed.Fill(new Rect(900, 500, 120, 20), 0x336699); // a changed text line
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _before.Dispose();
        _same.Dispose();
        _changed.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Span.SequenceEqual, no change")]
    public bool SequenceEqual() => _before.Pixels.SequenceEqual(_same.Pixels);

    [Benchmark(Description = "FrameDiff, no change")]
    public int NoChange() => FrameDiff.Compare(_before, _same).DirtyTiles;

    [Benchmark(Description = "FrameDiff, one line changed")]
    public int OneLineChanged() => FrameDiff.Compare(_before, _changed).DirtyTiles;
}
