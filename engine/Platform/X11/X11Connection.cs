using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// One connection to an X server with the facts every backend needs (screen, root window, size) and the checks
/// that turn Xlib's errors into exceptions. Each backend opens its own, so no two threads share a connection.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed unsafe class X11Connection : IDisposable
{
    private readonly ConcurrentDictionary<string, nuint> _atoms = new(StringComparer.Ordinal);

    private X11Connection(DisplayHandle handle, string name)
    {
        Handle = handle;
        Name = name;
        Screen = LibX11.XDefaultScreen(handle);
        Root = LibX11.XRootWindow(handle, Screen);
        Size = new Size(LibX11.XDisplayWidth(handle, Screen), LibX11.XDisplayHeight(handle, Screen));
    }

    public DisplayHandle Handle { get; }

    /// <summary>The display name as Xlib resolved it, e.g. <c>:99</c>.</summary>
    public string Name { get; }

    public int Screen { get; }

    public nuint Root { get; }

    /// <summary>The X screen's size in physical pixels.</summary>
    public Size Size { get; }

    public Rect Bounds => new(0, 0, Size.Width, Size.Height);

    /// <summary>Opens <paramref name="displayName"/>, or <c>$DISPLAY</c> when null.</summary>
    /// <exception cref="DisplayUnavailableException">No display was given or it cannot be opened.</exception>
    public static X11Connection Open(string? displayName)
    {
        X11Errors.Install();
        var name = string.IsNullOrEmpty(displayName) ? Environment.GetEnvironmentVariable("DISPLAY") : displayName;
        if (string.IsNullOrEmpty(name))
        {
            throw new DisplayUnavailableException(null,
                "No display: DISPLAY is not set and no display name was given; expected e.g. ':0', or start a virtual desktop with 'dispatch run'.");
        }
        var display = LibX11.XOpenDisplay(name);
        if (display == 0)
        {
            throw new DisplayUnavailableException(name, $"Cannot open display '{name}': no X server answers there, or access is refused.");
        }
        var handle = new DisplayHandle(display);
        X11Errors.WatchForLoss(handle);
        return new X11Connection(handle, name);
    }

    /// <exception cref="DisplayUnavailableException">The X server has gone away.</exception>
    public void ThrowIfLost()
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        if (Handle.IsLost)
        {
            throw new DisplayUnavailableException(Name, $"The X server of display '{Name}' went away; the connection is lost.");
        }
    }

    /// <summary>Waits until the server has handled every request, then throws if one of them failed.</summary>
    /// <param name="function">The Xlib function whose requests are checked, named in the error.</param>
    public void SyncAndCheck(string function)
    {
        LibX11.XSync(Handle, 0);
        ThrowIfLost();
        if (X11Errors.TryTake(out var error))
        {
            throw new NativeCallException(function, X11Errors.Describe(error));
        }
    }

    public nuint Atom(string name) => _atoms.GetOrAdd(name, static (n, h) => LibX11.XInternAtom(h, n, false), Handle);

    /// <summary>Reads a window property as 32-bit items (Xlib returns them as C longs), or null when it is absent.</summary>
    public nuint[]? GetCardinals(nuint window, string property, nuint type)
    {
        var status = LibX11.XGetWindowProperty(Handle, window, Atom(property), 0, 4096, 0, type,
            out _, out var format, out var count, out _, out var data);
        try
        {
            if (status != LibX11.Success || data == null || format != 32)
            {
                return null;
            }
            return new ReadOnlySpan<nuint>(data, (int)count).ToArray();
        }
        finally
        {
            if (data != null)
            {
                LibX11.XFree(data);
            }
        }
    }

    /// <summary>Reads a window property as UTF-8 text (or Latin-1 for STRING), or null when it is absent.</summary>
    public string? GetText(nuint window, string property, nuint type)
    {
        var status = LibX11.XGetWindowProperty(Handle, window, Atom(property), 0, 4096, 0, type,
            out var actualType, out var format, out var count, out _, out var data);
        try
        {
            if (status != LibX11.Success || data == null || format != 8)
            {
                return null;
            }
            var bytes = new ReadOnlySpan<byte>(data, (int)count);
            return actualType == LibX11.XA_STRING ? System.Text.Encoding.Latin1.GetString(bytes) : System.Text.Encoding.UTF8.GetString(bytes);
        }
        finally
        {
            if (data != null)
            {
                LibX11.XFree(data);
            }
        }
    }

    public string? AtomName(nuint atom)
    {
        var name = LibX11.XGetAtomName(Handle, atom);
        if (name == null)
        {
            return null;
        }
        try
        {
            return Marshal.PtrToStringUTF8((nint)name);
        }
        finally
        {
            LibX11.XFree(name);
        }
    }

    public void Dispose() => Handle.Dispose();
}
