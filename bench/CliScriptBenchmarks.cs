using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace Dispatch.Bench;

/// <summary>
/// Twenty clicks on gnome-calculator's buttons by accessible name, through the display's host: as one <c>dispatch script</c>
/// (one process, one connection) against twenty <c>dispatch click</c> processes, as a shell script runs them. Every click is
/// a whole step either way (search, policy, settle, journal); the difference is what each process pays to start and connect.
/// Needs the built CLI (<c>agent/bin/Release/net10.0/dispatch.dll</c>).
/// </summary>
[BenchmarkCategory("Cli")]
[WarmupCount(1)]
[IterationCount(3)]
public class CliScriptBenchmarks
{
    private static readonly string[] s_clicks = [.. Enumerable.Range(0, 20).Select(i => $"role=\"push button\" name=\"{(i + 1) % 10}\" in window \"Calculator\"")];

    private string _state = null!;
    private string _script = null!;
    private Process _host = null!;

    [GlobalSetup]
    public void Setup()
    {
        _state = Directory.CreateTempSubdirectory("dispatch-bench-script-").FullName;
        _script = Path.Combine(_state, "twenty-clicks.dispatch");
        File.WriteAllLines(_script, s_clicks.Select(locator => $"click '{locator}'"));
        using (var desktop = BenchDesktop.Virtual.Open())
        {
            BenchDesktop.StartCalculatorAsync(desktop).GetAwaiter().GetResult();
        }
        _host = CliProcess.StartHost(_state);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        BenchDesktop.CloseApps();
        CliProcess.StopHost(_host, _state);
    }

    /// <summary>The display starts empty each time, so every iteration types the same twenty digits.</summary>
    [IterationSetup]
    public void ClearDisplay() => CliProcess.Run(_state, "key", "Escape");

    [Benchmark(Baseline = true, Description = "20 clicks as 20 dispatch processes, through the host")]
    public int SeparateProcesses()
    {
        foreach (var locator in s_clicks)
        {
            CliProcess.Run(_state, "click", locator);
        }
        return s_clicks.Length;
    }

    [Benchmark(Description = "20 clicks as one dispatch script, through the host")]
    public int OneScript() => CliProcess.Run(_state, "script", _script);
}
