using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using Dispatch.Engine.Platform.X11.Native;
using Microsoft.Win32.SafeHandles;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// The terminal of another process, opened by its device, so the host can ask the person who ran a command there — not
/// the command, which could be a program answering for itself. The terminal stays as its shell left it (line editing and
/// echo on): an answer arrives as a whole line when the person presses Enter.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed unsafe class TerminalDevice : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly FileStream _stream;
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly Queue<char> _pending = new();

    private TerminalDevice(string path, SafeFileHandle handle)
    {
        Path = path;
        _handle = handle;
        _stream = new FileStream(handle, FileAccess.ReadWrite, bufferSize: 0);
    }

    /// <summary>The device, e.g. <c>/dev/pts/3</c>.</summary>
    public string Path { get; }

    /// <summary>
    /// The terminal a person runs process <paramref name="processId"/> at: its controlling terminal, which its standard input
    /// and standard error are, with the process in the foreground. Null with the reason in <paramref name="whyNot"/> otherwise.
    /// </summary>
    public static TerminalDevice? OfProcess(int processId, out string whyNot)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            whyNot = $"process {processId} cannot be read ({unreadable.Message})";
            return null;
        }
        // After the command name, which may hold spaces and parentheses: state ppid pgrp session tty_nr tpgid …
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var group = int.Parse(fields[2], CultureInfo.InvariantCulture);
        var controlling = int.Parse(fields[4], CultureInfo.InvariantCulture);
        var foreground = int.Parse(fields[5], CultureInfo.InvariantCulture);
        if (controlling == 0)
        {
            whyNot = "the command has no terminal";
            return null;
        }
        if (foreground != group)
        {
            whyNot = "the command runs in the background of its terminal";
            return null;
        }
        var input = Target(processId, 0);
        var error = Target(processId, 2);
        if (input is null || DeviceNumber(input) != controlling)
        {
            whyNot = "standard input is a pipe or file";
            return null;
        }
        if (error != input)
        {
            whyNot = "standard error is a pipe or file, so the question could not be seen";
            return null;
        }
        try
        {
            whyNot = "";
            return new TerminalDevice(input, File.OpenHandle(input, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite));
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            whyNot = $"its terminal {input} cannot be opened ({failure.Message})";
            return null;
        }
    }

    /// <summary>True when typed text is waiting (a whole line, on a terminal in line mode).</summary>
    public bool KeyAvailable
    {
        get
        {
            if (_pending.Count > 0)
            {
                return true;
            }
            var poll = new LibC.PollFd { fd = (int)_handle.DangerousGetHandle(), events = LibC.POLLIN };
            if (LibC.poll(&poll, 1, 0) < 0)
            {
                throw new IOException($"poll on {Path} failed: {LibC.LastError()}");
            }
            if ((poll.revents & LibC.POLLIN) == 0)
            {
                return false;
            }
            Span<byte> bytes = stackalloc byte[256];
            var read = _stream.Read(bytes);
            if (read == 0)
            {
                // The terminal was closed (its window went away): nothing will ever be typed.
                throw new IOException($"the terminal {Path} was closed");
            }
            Span<char> chars = stackalloc char[256];
            var decoded = _decoder.GetChars(bytes[..read], chars, flush: false);
            foreach (var c in chars[..decoded])
            {
                _pending.Enqueue(c);
            }
            return _pending.Count > 0;
        }
    }

    /// <summary>The next typed character; call when <see cref="KeyAvailable"/>.</summary>
    public char Read() => _pending.Dequeue();

    /// <summary>Writes text to the terminal.</summary>
    public void Write(string text)
    {
        _stream.Write(Encoding.UTF8.GetBytes(text));
        _stream.Flush();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stream.Dispose();
        _handle.Dispose();
    }

    private static string? Target(int processId, int descriptor)
    {
        try
        {
            // The link's own text: /dev/pts/3 for a terminal, pipe:[…] or a file's path otherwise.
            return new FileInfo($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/fd/{descriptor.ToString(CultureInfo.InvariantCulture)}").LinkTarget;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Gone, or hidden from us (hidepid, a process that is not dumpable): no terminal we may ask on.
            return null;
        }
    }

    /// <summary>
    /// The kernel's number of a pseudo-terminal (<c>/dev/pts/N</c>: major 136 + N/256, minor N%256) or a console (<c>/dev/ttyN</c>:
    /// major 4), as /proc/PID/stat writes it; -1 for anything else.
    /// </summary>
    private static int DeviceNumber(string path)
    {
        int major, minor;
        if (path.StartsWith("/dev/pts/", StringComparison.Ordinal) && int.TryParse(path.AsSpan(9), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            (major, minor) = (136 + n / 256, n % 256);
        }
        else if (path.StartsWith("/dev/tty", StringComparison.Ordinal) && int.TryParse(path.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out var console))
        {
            (major, minor) = (4, console);
        }
        else
        {
            return -1;
        }
        return (minor & 0xff) | (major << 8) | ((minor & ~0xff) << 12);
    }
}
