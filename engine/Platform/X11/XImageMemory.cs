using System.Runtime.Versioning;
using Dispatch.Engine.Capture;
using Microsoft.Win32.SafeHandles;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>An XImage returned by XGetImage, whose pixels a frame borrows until it is destroyed.</summary>
[SupportedOSPlatform("linux")]
internal sealed unsafe class XImageMemory : SafeHandleZeroOrMinusOneIsInvalid, IFrameMemory
{
    public XImageMemory(LibX11.XImage* image) : base(ownsHandle: true)
    {
        SetHandle((nint)image);
        Length = (long)image->bytes_per_line * image->height;
    }

    public nint Pointer => (nint)((LibX11.XImage*)handle)->data;

    public long Length { get; }

    protected override bool ReleaseHandle()
    {
        LibX11.XDestroyImage((LibX11.XImage*)handle);
        return true;
    }
}
