using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// Makes the programs Dispatch starts end with it, however it ends — a normal exit, SIGTERM, or SIGKILL, which no handler
/// of ours sees. Each program runs in a process group of its own (started through <c>setsid</c>); a small watchdog (a bash script)
/// reads the groups (and the files to remove) from a pipe whose only writer is this process. When that pipe reaches
/// end-of-file — on <see cref="Dispose"/>, or because the kernel closed it as this process died — the watchdog sends
/// SIGTERM to every group, SIGKILL to what is left after a second, removes the files and exits.
/// </summary>
/// <remarks>
/// Why not <c>PR_SET_PDEATHSIG</c> (or <c>setpriv --pdeathsig</c>): it fires when the <em>thread</em> that forked dies, and
/// .NET forks on the calling thread, often a thread-pool thread that may retire while the program should run on; it also
/// reaches only the direct child, not what that child starts (the accessibility bus's own dbus-daemon, services D-Bus
/// activates, an xterm's shell). A process group holds all of those, and the pipe's end-of-file comes from the kernel
/// whichever thread started what. The watchdog is in a session of its own and ignores SIGINT and SIGHUP, so Ctrl+C in the
/// terminal or a closed terminal does not end it before it has cleaned up.
/// </remarks>
[SupportedOSPlatform("linux")]
internal sealed class ProcessSupervisor : IDisposable
{
    // The watchdog: lines "g PGID" (a group to stop), "x PID:N" (Xvfb's pid and display number: its lock is removed when it
    // still names that pid, its socket when no server listens there any more — another may have taken the display since),
    // "r PATH" (a folder to remove). Its output goes nowhere: a write to a pipe whose
    // reader died would end it with SIGPIPE before it cleaned up. The grace polls because a group that is not its child
    // cannot be waited for.
    private const string Script = """
        exec >/dev/null 2>&1
        trap '' INT HUP
        groups=''; servers=''
        while IFS= read -r line; do
          case "$line" in
            'g '*) groups="$groups ${line#g }" ;;
            'x '*) servers="$servers ${line#x }" ;;
            'r '*) set -- "$@" "${line#r }" ;;
          esac
        done
        alive() { for g in $groups; do kill -0 -- "-$g" && return 0; done; return 1; }
        for g in $groups; do kill -TERM -- "-$g" "$g"; done
        i=0; while alive && [ $i -lt 20 ]; do sleep 0.05; i=$((i + 1)); done
        for g in $groups; do kill -KILL -- "-$g" "$g"; done
        for s in $servers; do
          case "$s" in *:*) pid=${s%%:*}; n=${s#*:} ;; *) continue ;; esac
          if read -r owner < "/tmp/.X$n-lock" && [ "$owner" = "$pid" ]; then rm -f "/tmp/.X$n-lock"; fi
          grep -q " /tmp/.X11-unix/X$n\$" /proc/net/unix || rm -f "/tmp/.X11-unix/X$n"
        done
        for path in "$@"; do rm -rf -- "$path"; done
        exit 0
        """;

    private static readonly Lazy<ProcessSupervisor> s_host = new(() =>
    {
        var supervisor = new ProcessSupervisor();
        // A normal exit (also after SIGTERM or SIGINT, which .NET turns into one) stops the programs before the process is gone.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => supervisor.Dispose();
        return supervisor;
    });

    private readonly Process _watchdog;
    private readonly Lock _lock = new();
    private bool _disposed;

    /// <summary>Starts a watchdog of its own.</summary>
    /// <exception cref="DispatchException"><c>setsid</c> (util-linux) is missing, or the watchdog (<c>/bin/bash</c>) did not start.</exception>
    public ProcessSupervisor()
    {
        var info = new ProcessStartInfo(SetSid) { UseShellExecute = false, RedirectStandardInput = true };
        // bash, not sh: dash's kill cannot signal a process group (a negative pid).
        foreach (var argument in new[] { "/bin/bash", "-c", Script })
        {
            info.ArgumentList.Add(argument);
        }
        _watchdog = Process.Start(info) ?? throw new DispatchException("The process watchdog (/bin/bash) did not start.");
        _watchdog.StandardInput.AutoFlush = true;
    }

    /// <summary>The supervisor of programs that live as long as this process (e.g. those <c>dispatch run --launch</c> starts).</summary>
    public static ProcessSupervisor Host => s_host.Value;

    /// <summary>The process id of the watchdog, for tests.</summary>
    public int WatchdogId => _watchdog.Id;

    /// <summary>The <c>setsid</c> program, which starts a program as the leader of a new session and process group.</summary>
    /// <exception cref="DispatchException">It is not installed.</exception>
    public static string SetSid => ChildProcess.Resolve("setsid")
        ?? throw new DispatchException("'setsid' is not installed; install the Debian package 'util-linux'.");

    /// <summary>
    /// Rewrites <paramref name="program"/> to start through <c>setsid</c>, so it leads a process group of its own that
    /// <see cref="Adopt"/> can stop whole; its arguments must be in <see cref="ProcessStartInfo.ArgumentList"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The arguments are given as one string, which cannot be passed on exactly.</exception>
    public static void InNewGroup(ProcessStartInfo program)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (!string.IsNullOrEmpty(program.Arguments))
        {
            throw new ArgumentException($"Give the arguments of '{program.FileName}' in ArgumentList, not as the string '{program.Arguments}'.", nameof(program));
        }
        program.ArgumentList.Insert(0, "--");
        program.ArgumentList.Insert(1, program.FileName);
        program.FileName = SetSid;
    }

    /// <summary>Starts <paramref name="program"/> in a process group of its own, stopped with this supervisor.</summary>
    /// <exception cref="DispatchException">It did not start.</exception>
    public Process Start(ProcessStartInfo program)
    {
        InNewGroup(program);
        var process = Process.Start(program) ?? throw new DispatchException($"'{program.ArgumentList[1]}' did not start.");
        Adopt(process.Id);
        return process;
    }

    /// <summary>Stops the process group led by <paramref name="processId"/> (started through <c>setsid</c>) with this supervisor.</summary>
    public void Adopt(int processId) => Send(string.Create(CultureInfo.InvariantCulture, $"g {processId}"));

    /// <summary>Removes an X server's socket and lock when they still name <paramref name="processId"/> after it was stopped.</summary>
    public void AdoptServer(int processId, int displayNumber) =>
        Send(string.Create(CultureInfo.InvariantCulture, $"x {processId}:{displayNumber}"));

    /// <summary>Removes <paramref name="folder"/> and all it holds once the programs are stopped.</summary>
    /// <exception cref="ArgumentException">The path has a line break, which the watchdog's one-line protocol cannot carry.</exception>
    public void RemoveAfterwards(string folder)
    {
        if (folder.Contains('\n', StringComparison.Ordinal) || !Path.IsPathRooted(folder))
        {
            throw new ArgumentException($"The folder to remove must be an absolute path on one line, not '{folder}'.", nameof(folder));
        }
        Send("r " + folder);
    }

    private void Send(string line)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _watchdog.StandardInput.WriteLine(line);
        }
    }

    /// <summary>Stops every adopted group (SIGTERM, then SIGKILL after a second), removes the files, and waits for all of it.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _watchdog.StandardInput.Close();
        }
        // A second of grace, the kill and the removal take well under five.
        _watchdog.WaitForExit(TimeSpan.FromSeconds(5));
        _watchdog.Dispose();
    }
}
