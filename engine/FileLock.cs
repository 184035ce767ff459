using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine;

/// <summary>
/// An exclusive advisory lock (flock(2)) on a file, shared between processes and between separate opens in one process.
/// The holder writes its process id and command into the file, so a waiter that gives up can say who holds it. The file
/// is never deleted: a process waiting on a deleted file would lock it while a newcomer locked a new one of the same name.
/// The kernel releases the lock when the holder's file closes, also when it is killed.
/// </summary>
internal sealed class FileLock : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly TimeSpan s_firstRetry = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan s_lastRetry = TimeSpan.FromMilliseconds(25);

    private readonly FileStream _file;

    private FileLock(FileStream file) => _file = file;

    /// <summary>
    /// Takes the lock, blocking until it is free. Only for locks every holder keeps for a bounded piece of work with no
    /// waits inside (a journal append: a write and two fsyncs), like a <c>lock</c> statement across processes.
    /// </summary>
    /// <exception cref="NativeCallException">flock failed for another reason than the lock being held.</exception>
    public static FileLock Take(string path)
    {
        var file = OpenLockFile(path);
        try
        {
            while (LibC.flock(file.SafeFileHandle, LibC.LOCK_EX) != 0)
            {
                if (Marshal.GetLastPInvokeError() != LibC.EINTR)
                {
                    throw new NativeCallException("flock", $"{LibC.LastError()} locking '{path}'");
                }
            }
            return Held(file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Takes the lock, waiting at most <paramref name="timeout"/> on <paramref name="time"/>. flock has no way to be
    /// told when a lock is freed or to be cancelled while it blocks, so the wait tries again after short, growing delays
    /// (1 ms to 25 ms), each cancellable.
    /// </summary>
    /// <returns>The held lock; or null when another still held it after <paramref name="timeout"/>, with the holder it names.</returns>
    public static async Task<(FileLock? Lock, string? Holder)> TryTakeAsync(string path, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var file = OpenLockFile(path);
        try
        {
            var started = time.GetTimestamp();
            var delay = s_firstRetry;
            while (true)
            {
                if (LibC.flock(file.SafeFileHandle, LibC.LOCK_EX | LibC.LOCK_NB) == 0)
                {
                    return (Held(file), null);
                }
                var errno = Marshal.GetLastPInvokeError();
                if (errno is not (LibC.EWOULDBLOCK or LibC.EINTR))
                {
                    throw new NativeCallException("flock", $"{LibC.LastError()} locking '{path}'");
                }
                if (time.GetElapsedTime(started) >= timeout)
                {
                    var holder = HolderOf(file);
                    file.Dispose();
                    return (null, holder);
                }
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                delay = delay * 2 < s_lastRetry ? delay * 2 : s_lastRetry;
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Takes the lock if it is free now.</summary>
    /// <returns>The held lock; or null when another holds it, with <paramref name="holder"/> naming it.</returns>
    public static FileLock? TryTake(string path, out string? holder)
    {
        var file = OpenLockFile(path);
        try
        {
            while (LibC.flock(file.SafeFileHandle, LibC.LOCK_EX | LibC.LOCK_NB) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == LibC.EWOULDBLOCK)
                {
                    holder = HolderOf(file);
                    file.Dispose();
                    return null;
                }
                if (errno != LibC.EINTR)
                {
                    throw new NativeCallException("flock", $"{LibC.LastError()} locking '{path}'");
                }
            }
            holder = null;
            return Held(file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _file.Dispose();

    private static FileStream OpenLockFile(string path)
    {
        // Not through FileStream's own open: it takes a flock (shared, or exclusive for FileShare.None) without waiting,
        // and fails while another holds ours. A stream over a handle takes none.
        var fd = LibC.open(path, LibC.O_RDWR | LibC.O_CREAT | LibC.O_CLOEXEC, (uint)OwnerOnly);
        if (fd < 0)
        {
            throw new NativeCallException("open", $"{LibC.LastError()} opening the lock file '{path}'");
        }
        return new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.ReadWrite);
    }

    private static FileLock Held(FileStream file)
    {
        using var self = Process.GetCurrentProcess();
        var who = string.Create(CultureInfo.InvariantCulture, $"process {Environment.ProcessId} ({self.ProcessName})");
        var bytes = System.Text.Encoding.UTF8.GetBytes(who);
        file.SetLength(0);
        file.Position = 0;
        file.Write(bytes);
        file.Flush();
        return new FileLock(file);
    }

    /// <summary>Who wrote the lock file last (the holder, while it is held).</summary>
    private static string HolderOf(FileStream file)
    {
        file.Position = 0;
        using var reader = new StreamReader(file, leaveOpen: true);
        var text = reader.ReadToEnd().Trim();
        return text.Length == 0 ? "an unknown process" : text;
    }
}
