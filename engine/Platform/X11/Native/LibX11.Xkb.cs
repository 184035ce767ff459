using System.Runtime.InteropServices;

namespace Dispatch.Engine.Platform.X11.Native;

/// <summary>The X Keyboard extension's client side in Xlib (X11/XKBlib.h, X11/extensions/XKBstr.h), and the modifier map.</summary>
internal static unsafe partial class LibX11
{
    public const uint XkbKeyTypesMask = 1 << 0;
    public const uint XkbKeySymsMask = 1 << 1;
    public const uint XkbUseCoreKbd = 0x0100;
    public const int XkbOneLevelIndex = 0;
    public const int XkbTwoLevelIndex = 1;
    public const uint XkbGroup1Mask = 1;
    public const int XkbNumKbdGroups = 4;
    public const uint LockMask = 1 << 1;

    /// <summary>The head of XkbDescRec (XKBstr.h): only the client map is read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct XkbDesc
    {
        public nint dpy;
        public ushort flags;
        public ushort device_spec;
        public byte min_key_code;
        public byte max_key_code;
        public nint ctrls;
        public nint server;
        public XkbClientMap* map;
    }

    /// <summary>XkbClientMapRec (XKBstr.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct XkbClientMap
    {
        public byte size_types;
        public byte num_types;
        public nint types;
        public ushort size_syms;
        public ushort num_syms;
        public nuint* syms;
        public XkbSymMap* key_sym_map;
        public byte* modmap;
    }

    /// <summary>XkbSymMapRec (XKBstr.h): a key's types per group, its group count (low nibble of group_info), levels and first keysym.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct XkbSymMap
    {
        public fixed byte kt_index[4];
        public byte group_info;
        public byte width;
        public ushort offset;
    }

    /// <summary>XkbMapChangesRec (XKBstr.h): which parts of the map <see cref="XkbChangeMap"/> sends.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct XkbMapChanges
    {
        public ushort changed;
        public byte min_key_code;
        public byte max_key_code;
        public byte first_type;
        public byte num_types;
        public byte first_key_sym;
        public byte num_key_syms;
        public byte first_key_act;
        public byte num_key_acts;
        public byte first_key_behavior;
        public byte num_key_behaviors;
        public byte first_key_explicit;
        public byte num_key_explicit;
        public byte first_modmap_key;
        public byte num_modmap_keys;
        public byte first_vmodmap_key;
        public byte num_vmodmap_keys;
        public byte pad;
        public ushort vmods;
    }

    /// <summary>XModifierKeymap (Xlib.h): eight rows (Shift, Lock, Control, Mod1..Mod5) of max_keypermod keycodes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct XModifierKeymap
    {
        public int max_keypermod;
        public byte* modifiermap;
    }

    [LibraryImport(Libraries.X11)]
    public static partial XkbDesc* XkbGetMap(DisplayHandle display, uint which, uint deviceSpec);

    [LibraryImport(Libraries.X11)]
    public static partial int XkbChangeTypesOfKey(XkbDesc* xkb, int key, int groups, uint groupsMask, int* newTypes, XkbMapChanges* changes);

    [LibraryImport(Libraries.X11)]
    public static partial nuint* XkbResizeKeySyms(XkbDesc* xkb, int key, int needed);

    [LibraryImport(Libraries.X11)]
    public static partial int XkbChangeMap(DisplayHandle display, XkbDesc* xkb, XkbMapChanges* changes);

    [LibraryImport(Libraries.X11)]
    public static partial void XkbFreeKeyboard(XkbDesc* xkb, uint which, int freeDesc);

    [LibraryImport(Libraries.X11)]
    public static partial XModifierKeymap* XGetModifierMapping(DisplayHandle display);

    [LibraryImport(Libraries.X11)]
    public static partial int XFreeModifiermap(XModifierKeymap* map);
}
