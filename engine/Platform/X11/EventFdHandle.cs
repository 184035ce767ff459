using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// A Linux eventfd, closed exactly once: a counter another thread can <see cref="Signal"/> to wake a thread that sleeps in
/// poll() on it together with other descriptors (the damage monitor's stop request next to the X connection).
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class EventFdHandle : SafeHandleMinusOneIsInvalid
{
    private const int EFD_CLOEXEC = 0x80000;

    public EventFdHandle() : base(ownsHandle: true)
    {
    }

    private EventFdHandle(int fd) : base(ownsHandle: true) => SetHandle(fd);

    /// <summary>Creates one, not inherited by programs started later.</summary>
    /// <exception cref="NativeCallException">eventfd failed (e.g. too many open files).</exception>
    public static EventFdHandle Create()
    {
        var fd = LibC.eventfd(0, EFD_CLOEXEC);
        return fd < 0 ? throw new NativeCallException("eventfd", LibC.LastError()) : new EventFdHandle(fd);
    }

    /// <summary>The descriptor, for a poll() set; valid while the caller holds a reference (DangerousAddRef).</summary>
    public int Descriptor => (int)handle;

    /// <summary>Makes the descriptor readable, waking whoever polls it.</summary>
    /// <exception cref="NativeCallException">write failed.</exception>
    public unsafe void Signal()
    {
        ulong one = 1;
        if (LibC.write(this, &one, sizeof(ulong)) < 0)
        {
            throw new NativeCallException("write(eventfd)", LibC.LastError());
        }
    }

    protected override bool ReleaseHandle() => LibC.close((int)handle) == 0;
}
