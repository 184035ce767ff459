using BenchmarkDotNet.Attributes;
using Dispatch.Engine;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;

namespace Dispatch.Bench;

/// <summary>
/// Input to screen reaction: an XTest key press into xterm until the watcher has seen the echoed glyph change
/// pixels (damage event, capture of the damaged area, diff). Typing and erasing alternate so the line stays short.
/// </summary>
[BenchmarkCategory("InputLatency")]
public class InputLatencyBenchmarks
{
    private Desktop _desktop = null!;
    private Rect _terminal;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _desktop = BenchDesktop.Virtual.Open();
        var app = await BenchDesktop.StartTerminalAsync(_desktop, "80x24+200+200");
        _terminal = app.Window.Bounds;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        BenchDesktop.CloseApps();
        _desktop.Dispose();
    }

    [Benchmark(Description = "key press -> change seen", OperationsPerInvoke = 2)]
    public async Task<int> KeyToChange()
    {
        var changes = 0;
        foreach (var key in new[] { "a", "BackSpace" })
        {
            using var baseline = _desktop.Screen.Capture(_terminal);
            _desktop.Input.PressKeys(key);
            var report = await _desktop.Watcher.WaitForChangeAsync(_terminal, TimeSpan.FromSeconds(2), baseline);
            if (report.Outcome != WaitOutcome.Changed)
            {
                throw new InvalidOperationException($"xterm did not react to '{key}': {report}");
            }
            changes += report.ChangeCount;
        }
        return changes;
    }
}
