using System.Runtime.InteropServices;

namespace Dispatch.Engine.Platform.X11.Native;

/// <summary>GLib and GObject calls libatspi's results need (glib/gerror.h, glib/gmem.h, gobject/gobject.h).</summary>
internal static unsafe partial class LibGObject
{
    /// <summary>GError (glib/gerror.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct GError
    {
        public uint domain;
        public int code;
        public byte* message;
    }

    /// <summary>GArray (glib/garray.h): the public part.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct GArray
    {
        public byte* data;
        public uint len;
    }

    [LibraryImport(Libraries.GObject)]
    public static partial nint g_object_ref(nint instance);

    [LibraryImport(Libraries.GObject)]
    public static partial void g_object_unref(nint instance);

    [LibraryImport(Libraries.GLib)]
    public static partial void g_free(void* memory);

    [LibraryImport(Libraries.GLib)]
    public static partial int g_main_context_iteration(nint context, int mayBlock);

    [LibraryImport(Libraries.GLib)]
    public static partial void g_error_free(GError* error);

    [LibraryImport(Libraries.GLib)]
    public static partial byte* g_array_free(GArray* array, int freeSegment);

    /// <summary>Takes a GLib string (transfer full): copies it and frees the original.</summary>
    public static string? TakeString(byte* text)
    {
        if (text == null)
        {
            return null;
        }
        try
        {
            return Marshal.PtrToStringUTF8((nint)text);
        }
        finally
        {
            g_free(text);
        }
    }
}
