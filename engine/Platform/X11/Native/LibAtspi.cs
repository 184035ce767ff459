using System.Runtime.InteropServices;

namespace Dispatch.Engine.Platform.X11.Native;

/// <summary>libatspi, the AT-SPI2 client library (at-spi-2.0/atspi/*.h). Every AtspiAccessible* it returns is a new reference.</summary>
internal static unsafe partial class LibAtspi
{
    public const int ATSPI_COORD_TYPE_SCREEN = 0;

    /// <summary>AtspiRect (atspi-types.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct AtspiRect
    {
        public int x, y, width, height;
    }

    [LibraryImport(Libraries.Atspi)]
    public static partial int atspi_init();

    [LibraryImport(Libraries.Atspi)]
    public static partial void atspi_set_timeout(int timeoutMilliseconds, int startupTimeMilliseconds);

    [LibraryImport(Libraries.Atspi)]
    public static partial nint atspi_get_desktop(int index);

    [LibraryImport(Libraries.Atspi)]
    public static partial int atspi_accessible_get_child_count(GObjectHandle accessible, LibGObject.GError** error);

    [LibraryImport(Libraries.Atspi)]
    public static partial nint atspi_accessible_get_child_at_index(GObjectHandle accessible, int index, LibGObject.GError** error);

    [LibraryImport(Libraries.Atspi)]
    public static partial byte* atspi_accessible_get_name(GObjectHandle accessible, LibGObject.GError** error);

    [LibraryImport(Libraries.Atspi)]
    public static partial byte* atspi_accessible_get_description(GObjectHandle accessible, LibGObject.GError** error);

    [LibraryImport(Libraries.Atspi)]
    public static partial byte* atspi_accessible_get_role_name(GObjectHandle accessible, LibGObject.GError** error);

    [LibraryImport(Libraries.Atspi)]
    public static partial uint atspi_accessible_get_process_id(GObjectHandle accessible, LibGObject.GError** error);

    [LibraryImport(Libraries.Atspi)]
    public static partial nint atspi_accessible_get_state_set(GObjectHandle accessible);

    [LibraryImport(Libraries.Atspi)]
    public static partial LibGObject.GArray* atspi_state_set_get_states(GObjectHandle stateSet);

    public const int ATSPI_CACHE_ALL = 0x3fffffff;

    /// <summary>ATSPI_CACHE_CHILDREN (atspi-constants.h).</summary>
    public const int ATSPI_CACHE_CHILDREN = 1 << 1;

    [LibraryImport(Libraries.Atspi)]
    public static partial void atspi_accessible_set_cache_mask(GObjectHandle accessible, int mask);

    [LibraryImport(Libraries.Atspi)]
    public static partial nint atspi_accessible_get_component_iface(GObjectHandle accessible);

    [LibraryImport(Libraries.Atspi)]
    public static partial nint atspi_accessible_get_action_iface(GObjectHandle accessible);

    [LibraryImport(Libraries.Atspi)]
    public static partial nint atspi_accessible_get_text_iface(GObjectHandle accessible);

    [LibraryImport(Libraries.Atspi)]
    public static partial nint atspi_accessible_get_editable_text_iface(GObjectHandle accessible);

    [LibraryImport(Libraries.Atspi)]
    public static partial nint atspi_accessible_get_selection_iface(GObjectHandle accessible);

    [LibraryImport(Libraries.Atspi)]
    public static partial AtspiRect* atspi_component_get_extents(GObjectHandle component, int coordType, LibGObject.GError** error);

    [LibraryImport(Libraries.Atspi)]
    public static partial int atspi_component_grab_focus(GObjectHandle component, LibGObject.GError** error);

    [LibraryImport(Libraries.Atspi)]
    public static partial int atspi_action_get_n_actions(GObjectHandle action, LibGObject.GError** error);

    [LibraryImport(Libraries.Atspi)]
    public static partial byte* atspi_action_get_action_name(GObjectHandle action, int index, LibGObject.GError** error);

    [LibraryImport(Libraries.Atspi)]
    public static partial int atspi_action_do_action(GObjectHandle action, int index, LibGObject.GError** error);

    [LibraryImport(Libraries.Atspi)]
    public static partial int atspi_text_get_character_count(GObjectHandle text, LibGObject.GError** error);

    [LibraryImport(Libraries.Atspi)]
    public static partial byte* atspi_text_get_text(GObjectHandle text, int start, int end, LibGObject.GError** error);

    [LibraryImport(Libraries.Atspi, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int atspi_editable_text_set_text_contents(GObjectHandle text, string contents, LibGObject.GError** error);

    [LibraryImport(Libraries.Atspi)]
    public static partial int atspi_selection_select_child(GObjectHandle selection, int childIndex, LibGObject.GError** error);
}
