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
    private string _dll = null!;
    private string _state = null!;
    private string _output = null!;
    private Process _host = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dll = Path.Combine(RepositoryRoot(), "agent", "bin", "cli", "dispatch.dll");
        if (!File.Exists(_dll))
        {
            throw new FileNotFoundException($"The CLI is not published at '{_dll}'; './dispatch bench' publishes it.");
        }
        _state = Directory.CreateTempSubdirectory("dispatch-bench-cli-").FullName;
        _output = Path.Combine(_state, "shot.png");
        _host = Start("run");
        // The host says so once it serves its socket.
        while (_host.StandardOutput.ReadLine() is { } line && !line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
        {
        }
        if (_host.HasExited)
        {
            throw new InvalidOperationException($"dispatch run exited with {_host.ExitCode}: {_host.StandardError.ReadToEnd()}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Kill();
        _host.WaitForExit();
        _host.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "screenshot process, --direct")]
    public int Direct() => Run("--direct", "screenshot", "-o", _output);

    [Benchmark(Description = "screenshot process, through the host")]
    public int ThroughHost() => Run("screenshot", "-o", _output);

    private int Run(params string[] arguments)
    {
        using var process = Start(arguments);
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? 0 : throw new InvalidOperationException($"dispatch {string.Join(' ', arguments)} exited with {process.ExitCode}: {process.StandardError.ReadToEnd()}");
    }

    private Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { _dll, "--display", BenchDesktop.Virtual.DisplayName }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DISPATCH_STATE_DIR"] = _state;
        return Process.Start(start)!;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Dispatch.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No Dispatch.sln above '{AppContext.BaseDirectory}'.");
    }
}
