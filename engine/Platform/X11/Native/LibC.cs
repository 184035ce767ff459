using System.Runtime.InteropServices;

namespace Dispatch.Engine.Platform.X11.Native;

/// <summary>The System V shared memory and poll calls of the C library (sys/shm.h, poll.h).</summary>
internal static unsafe partial class LibC
{
    public const int IPC_PRIVATE = 0;
    public const int IPC_CREAT = 0x200;
    public const int IPC_RMID = 0;
    public const short POLLIN = 1;

    /// <summary>struct pollfd (poll.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int fd;
        public short events;
        public short revents;
    }

    [LibraryImport(Libraries.C, SetLastError = true)]
    public static partial int shmget(int key, nuint size, int flags);

    [LibraryImport(Libraries.C, SetLastError = true)]
    public static partial byte* shmat(int id, void* address, int flags);

    [LibraryImport(Libraries.C, SetLastError = true)]
    public static partial int shmdt(void* address);

    [LibraryImport(Libraries.C, SetLastError = true)]
    public static partial int shmctl(int id, int command, void* buffer);

    [LibraryImport(Libraries.C, SetLastError = true)]
    public static partial int poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport(Libraries.C, SetLastError = true)]
    public static partial int eventfd(uint initial, int flags);

    [LibraryImport(Libraries.C, SetLastError = true)]
    public static partial nint write(SafeHandle fd, void* buffer, nuint count);

    [LibraryImport(Libraries.C, SetLastError = true)]
    public static partial nint read(int fd, void* buffer, nuint count);

    [LibraryImport(Libraries.C, SetLastError = true)]
    public static partial int close(int fd);

    /// <summary>Sets a variable in the native environment, which native libraries read (Environment.SetEnvironmentVariable does not reach it).</summary>
    [LibraryImport(Libraries.C, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int setenv(string name, string value, int overwrite);

    [LibraryImport(Libraries.C)]
    public static partial uint geteuid();

    public const int O_RDWR = 2;
    public const int O_CREAT = 0x40;
    public const int O_CLOEXEC = 0x80000;
    public const int LOCK_EX = 2;
    public const int LOCK_NB = 4;
    public const int EINTR = 4;
    public const int EWOULDBLOCK = 11;

    /// <summary>open(2); .NET's FileStream cannot be used for a lock file, as it takes a flock of its own on every open.</summary>
    [LibraryImport(Libraries.C, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags, uint mode);

    /// <summary>flock(2) on an open file: the lock belongs to the open file description, so two opens in one process exclude each other too.</summary>
    [LibraryImport(Libraries.C, SetLastError = true)]
    public static partial int flock(SafeHandle file, int operation);

    /// <summary>The text of the last errno, for error messages.</summary>
    public static string LastError()
    {
        var errno = Marshal.GetLastPInvokeError();
        return $"errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})";
    }
}
