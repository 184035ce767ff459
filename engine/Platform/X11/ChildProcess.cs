using System.Diagnostics;
using System.Runtime.Versioning;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// A helper program started and owned by the engine, in a process group of its own that a <see cref="ProcessSupervisor"/>
/// stops even if this process is killed: its stdout is read line by line on request, its stderr kept (last lines) for error
/// messages, and stopping it kills it and its descendants.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ProcessOutputTail _errors = new();

    private ChildProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <paramref name="fileName"/> in a process group of its own that <paramref name="supervisor"/> stops; a missing
    /// program is reported with the Debian package that has it.
    /// </summary>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string package,
        ProcessSupervisor supervisor)
    {
        var path = Resolve(fileName) ?? throw new DispatchException(
            $"'{fileName}' is not installed; install the Debian package '{package}' (./dispatch does this on its first run).");
        var info = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var process = supervisor.Start(info);
        var child = new ChildProcess(process, Path.GetFileName(path));
        process.ErrorDataReceived += (_, e) => child._errors.Keep(e.Data);
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Reads the first line the program writes to stdout (e.g. the display number Xvfb chose).</summary>
    public async Task<string> ReadLineAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DispatchException($"{Name} wrote nothing within {timeout.TotalSeconds:0.#} s. {ErrorTail()}");
        }
        if (line is null)
        {
            await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            throw new DispatchException($"{Name} exited with status {_process.ExitCode} before it was ready. {ErrorTail()}");
        }
        return line.Trim();
    }

    /// <summary>The last lines the program wrote to stderr, for error messages.</summary>
    public string ErrorTail() => _errors.ToString();

    /// <summary>
    /// The path of <paramref name="fileName"/> on <paramref name="searchPath"/> (by default this process's <c>PATH</c>), or as
    /// given when it has a slash; null when there is none.
    /// </summary>
    public static string? Resolve(string fileName, string? searchPath = null)
    {
        if (fileName.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(fileName) ? fileName : null;
        }
        var path = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, fileName))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Kills the program and everything it started, and waits for it to go.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill: nothing left to stop.
        }
        _process.Dispose();
    }
}
