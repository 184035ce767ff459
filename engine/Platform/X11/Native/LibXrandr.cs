using System.Runtime.InteropServices;

namespace Dispatch.Engine.Platform.X11.Native;

/// <summary>The RandR extension (X11/extensions/Xrandr.h).</summary>
internal static unsafe partial class LibXrandr
{
    /// <summary>XRRMonitorInfo (X11/extensions/Xrandr.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct XRRMonitorInfo
    {
        public nuint name;
        public int primary;
        public int automatic;
        public int noutput;
        public int x, y, width, height;
        public int mwidth, mheight;
        public nuint* outputs;
    }

    [LibraryImport(Libraries.Xrandr)]
    public static partial int XRRQueryExtension(DisplayHandle display, out int eventBase, out int errorBase);

    [LibraryImport(Libraries.Xrandr)]
    public static partial XRRMonitorInfo* XRRGetMonitors(DisplayHandle display, nuint window, int getActive, out int count);

    [LibraryImport(Libraries.Xrandr)]
    public static partial void XRRFreeMonitors(XRRMonitorInfo* monitors);
}
