using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>One GObject reference (an AtspiAccessible, state set or interface), released exactly once.</summary>
[SupportedOSPlatform("linux")]
internal sealed class GObjectHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GObjectHandle() : base(ownsHandle: true)
    {
    }

    private GObjectHandle(nint instance) : base(ownsHandle: true) => SetHandle(instance);

    /// <summary>Takes ownership of a reference returned by a transfer-full call; null when the call returned NULL.</summary>
    public static GObjectHandle? Take(nint instance) => instance == 0 ? null : new GObjectHandle(instance);

    /// <summary>A second reference to the same object, released independently of this one.</summary>
    public GObjectHandle AddReference()
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        return new GObjectHandle(LibGObject.g_object_ref(handle));
    }

    protected override bool ReleaseHandle()
    {
        LibGObject.g_object_unref(handle);
        return true;
    }
}
