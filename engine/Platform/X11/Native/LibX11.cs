using System.Runtime.InteropServices;

namespace Dispatch.Engine.Platform.X11.Native;

/// <summary>Xlib (X11/Xlib.h, X11/Xutil.h).</summary>
internal static unsafe partial class LibX11
{
    public const int ZPixmap = 2;
    public static readonly nuint AllPlanes = nuint.MaxValue;
    public const int IsViewable = 2;
    public const int Success = 0;
    public const nuint None = 0;
    public const nuint CurrentTime = 0;
    public const int PropModeReplace = 0;
    public const nuint AnyPropertyType = 0;
    public const nuint XA_ATOM = 4;
    public const nuint XA_CARDINAL = 6;
    public const nuint XA_STRING = 31;
    public const nuint XA_WINDOW = 33;
    public const int ClientMessage = 33;
    public const int PropertyNotify = 28;
    public const int MappingNotify = 34;
    public const long SubstructureNotifyMask = 1L << 19;
    public const long SubstructureRedirectMask = 1L << 20;
    public const long PropertyChangeMask = 1L << 22;
    public const int RevertToParent = 2;
    public const int CWX = 1, CWY = 2, CWWidth = 4, CWHeight = 8;

    /// <summary>XErrorEvent (X11/Xlib.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct XErrorEvent
    {
        public int type;
        public nint display;
        public nuint resourceid;
        public nuint serial;
        public byte error_code;
        public byte request_code;
        public byte minor_code;
    }

    /// <summary>XImage (X11/Xlib.h), up to the fields Dispatch reads; Xlib owns the rest.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct XImage
    {
        public int width, height;
        public int xoffset;
        public int format;
        public byte* data;
        public int byte_order;
        public int bitmap_unit;
        public int bitmap_bit_order;
        public int bitmap_pad;
        public int depth;
        public int bytes_per_line;
        public int bits_per_pixel;
        public nuint red_mask, green_mask, blue_mask;
    }

    /// <summary>XWindowAttributes (X11/Xlib.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct XWindowAttributes
    {
        public int x, y, width, height, border_width, depth;
        public nint visual;
        public nuint root;
        public int @class, bit_gravity, win_gravity, backing_store;
        public nuint backing_planes, backing_pixel;
        public int save_under;
        public nuint colormap;
        public int map_installed, map_state;
        public nint all_event_masks, your_event_mask, do_not_propagate_mask;
        public int override_redirect;
        public nint screen;
    }

    /// <summary>XClientMessageEvent (X11/Xlib.h) with 32-bit data, as EWMH requests use it.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct XClientMessageEvent
    {
        public int type;
        public nuint serial;
        public int send_event;
        public nint display;
        public nuint window;
        public nuint message_type;
        public int format;
        public nint l0, l1, l2, l3, l4;
    }

    /// <summary>XEvent (X11/Xlib.h): a union padded to 24 longs.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 192)]
    public struct XEvent
    {
        public int type;
    }

    [LibraryImport(Libraries.X11)]
    public static partial int XInitThreads();

    [LibraryImport(Libraries.X11, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint XOpenDisplay(string? name);

    [LibraryImport(Libraries.X11)]
    public static partial int XCloseDisplay(nint display);

    [LibraryImport(Libraries.X11)]
    public static partial nint XSetErrorHandler(delegate* unmanaged<nint, XErrorEvent*, int> handler);

    [LibraryImport(Libraries.X11)]
    public static partial nint XSetIOErrorHandler(delegate* unmanaged<nint, int> handler);

    [LibraryImport(Libraries.X11)]
    public static partial void XSetIOErrorExitHandler(DisplayHandle display, delegate* unmanaged<nint, nint, void> handler, nint userData);

    [LibraryImport(Libraries.X11)]
    public static partial int XGetErrorText(nint display, int code, byte* buffer, int length);

    [LibraryImport(Libraries.X11)]
    public static partial int XSync(DisplayHandle display, int discard);

    [LibraryImport(Libraries.X11)]
    public static partial int XPending(DisplayHandle display);

    [LibraryImport(Libraries.X11)]
    public static partial int XNextEvent(DisplayHandle display, XEvent* ev);

    [LibraryImport(Libraries.X11)]
    public static partial int XConnectionNumber(DisplayHandle display);

    [LibraryImport(Libraries.X11)]
    public static partial int XDefaultScreen(DisplayHandle display);

    [LibraryImport(Libraries.X11)]
    public static partial nuint XRootWindow(DisplayHandle display, int screen);

    [LibraryImport(Libraries.X11)]
    public static partial int XDisplayWidth(DisplayHandle display, int screen);

    [LibraryImport(Libraries.X11)]
    public static partial int XDisplayHeight(DisplayHandle display, int screen);

    [LibraryImport(Libraries.X11)]
    public static partial nint XDefaultVisual(DisplayHandle display, int screen);

    [LibraryImport(Libraries.X11)]
    public static partial int XDefaultDepth(DisplayHandle display, int screen);

    [LibraryImport(Libraries.X11)]
    public static partial XImage* XGetImage(DisplayHandle display, nuint drawable, int x, int y, uint width, uint height, nuint planeMask, int format);

    [LibraryImport(Libraries.X11)]
    public static partial int XDestroyImage(XImage* image);

    [LibraryImport(Libraries.X11)]
    public static partial int XFree(void* data);

    [LibraryImport(Libraries.X11, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nuint XInternAtom(DisplayHandle display, string name, [MarshalAs(UnmanagedType.I4)] bool onlyIfExists);

    [LibraryImport(Libraries.X11)]
    public static partial byte* XGetAtomName(DisplayHandle display, nuint atom);

    [LibraryImport(Libraries.X11)]
    public static partial int XGetWindowProperty(DisplayHandle display, nuint window, nuint property, nint offset, nint length,
        int delete, nuint reqType, out nuint actualType, out int actualFormat, out nuint itemCount, out nuint bytesAfter, out byte* data);

    [LibraryImport(Libraries.X11)]
    public static partial int XQueryTree(DisplayHandle display, nuint window, out nuint root, out nuint parent, out nuint* children, out uint childCount);

    [LibraryImport(Libraries.X11)]
    public static partial int XGetWindowAttributes(DisplayHandle display, nuint window, out XWindowAttributes attributes);

    [LibraryImport(Libraries.X11)]
    public static partial int XTranslateCoordinates(DisplayHandle display, nuint source, nuint destination, int x, int y,
        out int destinationX, out int destinationY, out nuint child);

    [LibraryImport(Libraries.X11)]
    public static partial int XRaiseWindow(DisplayHandle display, nuint window);

    [LibraryImport(Libraries.X11)]
    public static partial int XSetInputFocus(DisplayHandle display, nuint window, int revertTo, nuint time);

    [LibraryImport(Libraries.X11)]
    public static partial int XMoveResizeWindow(DisplayHandle display, nuint window, int x, int y, uint width, uint height);

    [LibraryImport(Libraries.X11)]
    public static partial int XSendEvent(DisplayHandle display, nuint window, int propagate, nint eventMask, XClientMessageEvent* ev);

    [LibraryImport(Libraries.X11)]
    public static partial nuint XCreateSimpleWindow(DisplayHandle display, nuint parent, int x, int y, uint width, uint height,
        uint borderWidth, nuint border, nuint background);

    [LibraryImport(Libraries.X11)]
    public static partial int XMapWindow(DisplayHandle display, nuint window);

    [LibraryImport(Libraries.X11)]
    public static partial int XUnmapWindow(DisplayHandle display, nuint window);

    [LibraryImport(Libraries.X11)]
    public static partial int XDestroyWindow(DisplayHandle display, nuint window);

    [LibraryImport(Libraries.X11)]
    public static partial int XSelectInput(DisplayHandle display, nuint window, nint eventMask);

    [LibraryImport(Libraries.X11)]
    public static partial int XQueryPointer(DisplayHandle display, nuint window, out nuint root, out nuint child,
        out int rootX, out int rootY, out int windowX, out int windowY, out uint mask);

    [LibraryImport(Libraries.X11)]
    public static partial int XQueryKeymap(DisplayHandle display, byte* keys32);

    [LibraryImport(Libraries.X11, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nuint XStringToKeysym(string name);

    [LibraryImport(Libraries.X11)]
    public static partial byte* XKeysymToString(nuint keysym);

    [LibraryImport(Libraries.X11)]
    public static partial int XDisplayKeycodes(DisplayHandle display, out int minKeycode, out int maxKeycode);

    [LibraryImport(Libraries.X11)]
    public static partial nuint* XGetKeyboardMapping(DisplayHandle display, byte firstKeycode, int count, out int keysymsPerKeycode);

    [LibraryImport(Libraries.X11)]
    public static partial int XChangeKeyboardMapping(DisplayHandle display, int firstKeycode, int keysymsPerKeycode, nuint* keysyms, int count);
}
