using System.Runtime.InteropServices;

namespace Dispatch.Engine.Platform.X11.Native;

/// <summary>The DAMAGE extension (X11/extensions/Xdamage.h).</summary>
internal static partial class LibXdamage
{
    public const int XDamageNotify = 0;
    public const int XDamageReportRawRectangles = 0;

    /// <summary>XDamageNotifyEvent (X11/extensions/Xdamage.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct XDamageNotifyEvent
    {
        public int type;
        public nuint serial;
        public int send_event;
        public nint display;
        public nuint drawable;
        public nuint damage;
        public int level;
        public int more;
        public nuint timestamp;
        public short areaX, areaY;
        public ushort areaWidth, areaHeight;
        public short geometryX, geometryY;
        public ushort geometryWidth, geometryHeight;
    }

    [LibraryImport(Libraries.Xdamage)]
    public static partial int XDamageQueryExtension(DisplayHandle display, out int eventBase, out int errorBase);

    [LibraryImport(Libraries.Xdamage)]
    public static partial nuint XDamageCreate(DisplayHandle display, nuint drawable, int level);

    [LibraryImport(Libraries.Xdamage)]
    public static partial void XDamageDestroy(DisplayHandle display, nuint damage);

    [LibraryImport(Libraries.Xdamage)]
    public static partial void XDamageSubtract(DisplayHandle display, nuint damage, nuint repair, nuint parts);
}
