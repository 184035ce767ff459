using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace Dispatch.Bench;

/// <summary>
/// A whole <c>dispatch screenshot -o x.png</c> process, as a script runs it: through the display's host (a Unix-socket
/// request to an engine that is already connected and warm) against <c>--direct</c>, which connects to the display and
/// starts OpenCV in every process. Runs the CLI as <c>./dispatch</c> runs it (published ReadyToRun in <c>agent/bin/cli</c>;
/// ./dispatch bench publishes it).
/// </summary>
[BenchmarkCategory("Cli")]
public class CliProcessBenchmarks
{
    private string _state = null!;
    private string _output = null!;
    private Process _host = null!;

    [GlobalSetup]
    public void Setup()
    {
        _state = Directory.CreateTempSubdirectory("dispatch-bench-cli-").FullName;
        _output = Path.Combine(_state, "shot.png");
        _host = CliProcess.StartHost(_state);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        CliProcess.StopHost(_host, _state);
    }

    [Benchmark(Baseline = true, Description = "screenshot process, --direct")]
    public int Direct() => CliProcess.Run(_state, "--direct", "screenshot", "-o", _output);

    [Benchmark(Description = "screenshot process, through the host")]
    public int ThroughHost() => CliProcess.Run(_state, "screenshot", "-o", _output);
}
