using System.Runtime.InteropServices;

namespace Dispatch.Engine.Platform.X11.Native;

/// <summary>The MIT-SHM extension (X11/extensions/XShm.h).</summary>
internal static unsafe partial class LibXext
{
    /// <summary>XShmSegmentInfo (X11/extensions/XShm.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct XShmSegmentInfo
    {
        public nuint shmseg;
        public int shmid;
        public byte* shmaddr;
        public int readOnly;
    }

    [LibraryImport(Libraries.Xext)]
    public static partial int XShmQueryExtension(DisplayHandle display);

    [LibraryImport(Libraries.Xext)]
    public static partial LibX11.XImage* XShmCreateImage(DisplayHandle display, nint visual, uint depth, int format, byte* data,
        XShmSegmentInfo* shminfo, uint width, uint height);

    [LibraryImport(Libraries.Xext)]
    public static partial int XShmAttach(DisplayHandle display, XShmSegmentInfo* shminfo);

    [LibraryImport(Libraries.Xext)]
    public static partial int XShmDetach(DisplayHandle display, XShmSegmentInfo* shminfo);

    [LibraryImport(Libraries.Xext)]
    public static partial int XShmGetImage(DisplayHandle display, nuint drawable, LibX11.XImage* image, int x, int y, nuint planeMask);
}
