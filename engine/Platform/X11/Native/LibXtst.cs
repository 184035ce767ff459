using System.Runtime.InteropServices;

namespace Dispatch.Engine.Platform.X11.Native;

/// <summary>The XTEST extension (X11/extensions/XTest.h).</summary>
internal static partial class LibXtst
{
    [LibraryImport(Libraries.Xtst)]
    public static partial int XTestQueryExtension(DisplayHandle display, out int eventBase, out int errorBase, out int major, out int minor);

    [LibraryImport(Libraries.Xtst)]
    public static partial int XTestFakeKeyEvent(DisplayHandle display, uint keycode, int isPress, nuint delay);

    [LibraryImport(Libraries.Xtst)]
    public static partial int XTestFakeButtonEvent(DisplayHandle display, uint button, int isPress, nuint delay);

    [LibraryImport(Libraries.Xtst)]
    public static partial int XTestFakeMotionEvent(DisplayHandle display, int screen, int x, int y, nuint delay);
}
