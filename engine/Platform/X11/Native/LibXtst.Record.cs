using System.Runtime.InteropServices;

namespace Dispatch.Engine.Platform.X11.Native;

/// <summary>The RECORD extension (X11/extensions/record.h), in libXtst: the server's copy of every device event as it happens.</summary>
internal static unsafe partial class LibXtst
{
    /// <summary><c>XRecordAllClients</c>: events of every client, present and future.</summary>
    public const nuint XRecordAllClients = 3;

    /// <summary><c>XRecordFromServer</c>: the intercepted data is an event the server sent.</summary>
    public const int XRecordFromServer = 0;

    /// <summary><c>XRecordStartOfData</c>: the first datum, once the server records.</summary>
    public const int XRecordStartOfData = 4;

    /// <summary>Byte offset of <c>device_events</c> (an XRecordRange8: first, last) in an XRecordRange.</summary>
    public const int DeviceEventsOffset = 18;

    /// <summary>XRecordInterceptData (64-bit layout).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct XRecordInterceptData
    {
        public nuint IdBase;
        public nuint ServerTime;
        public nuint ClientSequence;
        public int Category;
        public int ClientSwapped;
        public byte* Data;
        public nuint DataLength;
    }

    [LibraryImport(Libraries.Xtst)]
    public static partial int XRecordQueryVersion(DisplayHandle display, out int major, out int minor);

    /// <summary>A zeroed XRecordRange, freed with XFree.</summary>
    [LibraryImport(Libraries.Xtst)]
    public static partial byte* XRecordAllocRange();

    [LibraryImport(Libraries.Xtst)]
    public static partial nuint XRecordCreateContext(DisplayHandle display, int datumFlags, nuint* clients, int clientCount, byte** ranges, int rangeCount);

    /// <summary>Blocks, calling <paramref name="callback"/> for each intercepted datum, until the context is disabled.</summary>
    [LibraryImport(Libraries.Xtst)]
    public static partial int XRecordEnableContext(DisplayHandle display, nuint context, delegate* unmanaged<nint, XRecordInterceptData*, void> callback, nint closure);

    [LibraryImport(Libraries.Xtst)]
    public static partial int XRecordDisableContext(DisplayHandle display, nuint context);

    [LibraryImport(Libraries.Xtst)]
    public static partial int XRecordFreeContext(DisplayHandle display, nuint context);

    [LibraryImport(Libraries.Xtst)]
    public static partial void XRecordFreeData(XRecordInterceptData* data);
}
