using System.Diagnostics;
using System.Runtime.Versioning;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// Drains a program's output, keeping the last lines for error messages. A program whose output nobody reads
/// blocks once the pipe fills, so every program the engine starts has its output drained.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class ProcessOutputTail
{
    private const int KeptLines = 20;
    private readonly Queue<string> _lines = new();

    /// <summary>Redirects the program's output to a new tail; call <see cref="Attach"/> once it has started.</summary>
    public static ProcessOutputTail Prepare(ProcessStartInfo program)
    {
        program.UseShellExecute = false;
        program.RedirectStandardOutput = true;
        program.RedirectStandardError = true;
        return new ProcessOutputTail();
    }

    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The last lines written, for error messages.</summary>
    public override string ToString()
    {
        lock (_lines)
        {
            return _lines.Count == 0 ? "It printed nothing." : $"It printed: {string.Join(" | ", _lines)}";
        }
    }

    public void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }
    }
}
