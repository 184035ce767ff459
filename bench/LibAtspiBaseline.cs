using System.Runtime.InteropServices;
using Dispatch.Engine.Platform.X11;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Bench;

/// <summary>
/// The libatspi snapshot the engine used before its D-Bus client, kept only as the benchmarks' baseline: one process-wide
/// bus chosen through AT_SPI_BUS_ADDRESS, node by node, every property libatspi can cache cached except children.
/// Reads what a snapshot node holds (role, name, description, states, extents, text, actions) of showing elements.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static unsafe partial class LibAtspiBaseline
{
    private const string Atspi = "libatspi.so.0";
    private const string GObject = "libgobject-2.0.so.0";
    private const string GLib = "libglib-2.0.so.0";
    private const int CacheAllButChildren = 0x3fffffff & ~(1 << 1);
    private const long Visible = 1L << 30;
    private const long Focusable = 1L << 11;
    private static readonly HashSet<string> s_operableRoles = new(StringComparer.Ordinal)
    {
        "push button", "toggle button", "check box", "radio button", "menu item", "check menu item", "radio menu item", "menu",
        "link", "list item", "tree item", "table cell", "page tab", "combo box", "spin button", "slider", "icon",
    };

    private static string? s_address;

    [StructLayout(LayoutKind.Sequential)]
    private struct GArray
    {
        public int* Data;
        public uint Length;
    }

    /// <summary>Points libatspi at the accessibility bus of <paramref name="displayName"/> (once per process: libatspi keeps one bus).</summary>
    public static void Init(string? displayName)
    {
        using var connection = X11Connection.Open(displayName);
        var address = connection.GetText(connection.Root, "AT_SPI_BUS", LibX11.XA_STRING)
            ?? throw new InvalidOperationException($"Display '{displayName}' has no AT_SPI_BUS property.");
        if (s_address is not null)
        {
            if (s_address != address)
            {
                throw new InvalidOperationException($"libatspi already reads bus '{s_address}', not '{address}'.");
            }
            return;
        }
        LibC.setenv("AT_SPI_BUS_ADDRESS", address, 1);
        if (atspi_init() > 1)
        {
            throw new InvalidOperationException($"atspi_init failed for bus '{address}'.");
        }
        atspi_set_timeout(2000, 15000);
        s_address = address;
    }

    /// <summary>Walks the application of <paramref name="processId"/>; the number of elements read.</summary>
    public static int Snapshot(int processId)
    {
        // libatspi keeps its cache current from bus events, which only a GLib main loop dispatches.
        while (g_main_context_iteration(0, 0) != 0)
        {
        }
        var desktop = atspi_get_desktop(0);
        try
        {
            var count = atspi_accessible_get_child_count(desktop, null);
            for (var i = 0; i < count; i++)
            {
                var app = atspi_accessible_get_child_at_index(desktop, i, null);
                if (app == 0)
                {
                    continue;
                }
                try
                {
                    GError* error = null;
                    if ((int)atspi_accessible_get_process_id(app, &error) == processId && error == null)
                    {
                        atspi_accessible_set_cache_mask(app, CacheAllButChildren);
                        return Walk(app);
                    }
                    Free(error);
                }
                finally
                {
                    g_object_unref(app);
                }
            }
            throw new InvalidOperationException($"No application of process {processId} on the accessibility bus.");
        }
        finally
        {
            g_object_unref(desktop);
        }
    }

    private static int Walk(nint accessible)
    {
        var role = Text(atspi_accessible_get_role_name(accessible, null)) ?? "";
        var name = Text(atspi_accessible_get_name(accessible, null)) ?? "";
        _ = Text(atspi_accessible_get_description(accessible, null));
        var states = States(accessible);
        _ = Extents(accessible);
        if (!(role == "label" && name.Length > 0))
        {
            _ = ReadText(accessible);
        }
        if ((states & Focusable) != 0 || s_operableRoles.Contains(role))
        {
            _ = ActionCount(accessible);
        }
        var read = 1;
        var count = atspi_accessible_get_child_count(accessible, null);
        for (var i = 0; i < count; i++)
        {
            var child = atspi_accessible_get_child_at_index(accessible, i, null);
            if (child == 0)
            {
                continue;
            }
            try
            {
                var childStates = States(child);
                if (childStates == 0 || (childStates & Visible) != 0)
                {
                    read += Walk(child);
                }
            }
            finally
            {
                g_object_unref(child);
            }
        }
        return read;
    }

    private static long States(nint accessible)
    {
        var set = atspi_accessible_get_state_set(accessible);
        if (set == 0)
        {
            return 0;
        }
        try
        {
            var array = atspi_state_set_get_states(set);
            long states = 0;
            for (var i = 0; i < array->Length; i++)
            {
                states |= 1L << array->Data[i];
            }
            g_array_free(array, 1);
            return states;
        }
        finally
        {
            g_object_unref(set);
        }
    }

    private static int Extents(nint accessible)
    {
        var component = atspi_accessible_get_component_iface(accessible);
        if (component == 0)
        {
            return 0;
        }
        var rect = atspi_component_get_extents(component, 0, null);
        var width = rect == null ? 0 : rect[2];
        g_free(rect);
        g_object_unref(component);
        return width;
    }

    private static string? ReadText(nint accessible)
    {
        var text = atspi_accessible_get_text_iface(accessible);
        if (text == 0)
        {
            return null;
        }
        var count = atspi_text_get_character_count(text, null);
        var value = Text(atspi_text_get_text(text, 0, Math.Min(count, 4096), null));
        g_object_unref(text);
        return value;
    }

    private static int ActionCount(nint accessible)
    {
        var action = atspi_accessible_get_action_iface(accessible);
        if (action == 0)
        {
            return 0;
        }
        var count = atspi_action_get_n_actions(action, null);
        for (var i = 0; i < count; i++)
        {
            _ = Text(atspi_action_get_action_name(action, i, null));
        }
        g_object_unref(action);
        return count;
    }

    private static string? Text(byte* text)
    {
        if (text == null)
        {
            return null;
        }
        var value = Marshal.PtrToStringUTF8((nint)text);
        g_free(text);
        return value;
    }

    private static void Free(GError* error)
    {
        if (error != null)
        {
            g_error_free(error);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct GError
    {
        public uint Domain;
        public int Code;
        public byte* Message;
    }

    [LibraryImport(Atspi)]
    private static partial int atspi_init();

    [LibraryImport(Atspi)]
    private static partial void atspi_set_timeout(int timeout, int startupTime);

    [LibraryImport(Atspi)]
    private static partial nint atspi_get_desktop(int index);

    [LibraryImport(Atspi)]
    private static partial int atspi_accessible_get_child_count(nint accessible, GError** error);

    [LibraryImport(Atspi)]
    private static partial nint atspi_accessible_get_child_at_index(nint accessible, int index, GError** error);

    [LibraryImport(Atspi)]
    private static partial byte* atspi_accessible_get_name(nint accessible, GError** error);

    [LibraryImport(Atspi)]
    private static partial byte* atspi_accessible_get_description(nint accessible, GError** error);

    [LibraryImport(Atspi)]
    private static partial byte* atspi_accessible_get_role_name(nint accessible, GError** error);

    [LibraryImport(Atspi)]
    private static partial uint atspi_accessible_get_process_id(nint accessible, GError** error);

    [LibraryImport(Atspi)]
    private static partial nint atspi_accessible_get_state_set(nint accessible);

    [LibraryImport(Atspi)]
    private static partial GArray* atspi_state_set_get_states(nint stateSet);

    [LibraryImport(Atspi)]
    private static partial void atspi_accessible_set_cache_mask(nint accessible, int mask);

    [LibraryImport(Atspi)]
    private static partial nint atspi_accessible_get_component_iface(nint accessible);

    [LibraryImport(Atspi)]
    private static partial nint atspi_accessible_get_action_iface(nint accessible);

    [LibraryImport(Atspi)]
    private static partial nint atspi_accessible_get_text_iface(nint accessible);

    [LibraryImport(Atspi)]
    private static partial int* atspi_component_get_extents(nint component, int coordType, GError** error);

    [LibraryImport(Atspi)]
    private static partial int atspi_action_get_n_actions(nint action, GError** error);

    [LibraryImport(Atspi)]
    private static partial byte* atspi_action_get_action_name(nint action, int index, GError** error);

    [LibraryImport(Atspi)]
    private static partial int atspi_text_get_character_count(nint text, GError** error);

    [LibraryImport(Atspi)]
    private static partial byte* atspi_text_get_text(nint text, int start, int end, GError** error);

    [LibraryImport(GObject)]
    private static partial void g_object_unref(nint instance);

    [LibraryImport(GLib)]
    private static partial void g_free(void* memory);

    [LibraryImport(GLib)]
    private static partial int g_main_context_iteration(nint context, int mayBlock);

    [LibraryImport(GLib)]
    private static partial void g_error_free(GError* error);

    [LibraryImport(GLib)]
    private static partial byte* g_array_free(GArray* array, int freeSegment);
}
