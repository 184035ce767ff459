using System.Diagnostics;

namespace Dispatch.Bench;

/// <summary>The built <c>dispatch</c> as a process on the benchmark desktop, with a state folder of the benchmark's own.</summary>
internal static class CliProcess
{
    private static readonly Lazy<string> s_dll = new(() =>
    {
        // The CLI as ./dispatch runs it: published ReadyToRun (./dispatch bench publishes it).
        var dll = Path.Combine(RepositoryRoot(), "agent", "bin", "cli", "dispatch.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The CLI is not published at '{dll}'; './dispatch bench' publishes it.");
    });

    /// <summary>Starts <c>dispatch ARGUMENTS</c> with its output redirected.</summary>
    public static Process Start(string state, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { s_dll.Value, "--display", BenchDesktop.Virtual.DisplayName }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DISPATCH_STATE_DIR"] = state;
        return Process.Start(start)!;
    }

    /// <summary>Runs <c>dispatch ARGUMENTS</c> to its end; a failure is an exception with what it printed.</summary>
    public static int Run(string state, params string[] arguments)
    {
        using var process = Start(state, arguments);
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? 0 : throw new InvalidOperationException($"dispatch {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
    }

    /// <summary>Starts <c>dispatch run</c> on the benchmark desktop and waits until it serves its socket.</summary>
    public static Process StartHost(string state)
    {
        var host = Start(state, "run");
        WaitUntilServing(host);
        return host;
    }

    /// <summary>Stops a host <see cref="StartHost"/> started and removes the benchmark's state folder.</summary>
    public static void StopHost(Process host, string state)
    {
        host.Kill();
        host.WaitForExit();
        host.Dispose();
        Directory.Delete(state, recursive: true);
    }

    private static void WaitUntilServing(Process host)
    {
        while (host.StandardOutput.ReadLine() is { } line && !line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
        {
        }
        if (host.HasExited)
        {
            throw new InvalidOperationException($"dispatch run exited with {host.ExitCode}: {host.StandardError.ReadToEnd()}");
        }
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
