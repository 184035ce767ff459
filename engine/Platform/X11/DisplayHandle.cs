using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>An Xlib <c>Display*</c> connection, closed exactly once.</summary>
[SupportedOSPlatform("linux")]
internal sealed class DisplayHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DisplayHandle() : base(ownsHandle: true)
    {
    }

    internal DisplayHandle(nint display) : base(ownsHandle: true) => SetHandle(display);

    /// <summary>True once Xlib reported a fatal I/O error on this connection (the server went away).</summary>
    public bool IsLost => X11Errors.IsLost(handle);

    protected override bool ReleaseHandle()
    {
        // XCloseDisplay on a connection whose server is gone would re-enter the I/O error path; the socket is already dead.
        if (!X11Errors.IsLost(handle))
        {
            LibX11.XCloseDisplay(handle);
        }
        X11Errors.Forget(handle);
        return true;
    }
}
