using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// Replaces Xlib's default error handlers, which print and call <c>exit()</c>: protocol errors are recorded for
/// the calling thread and turned into exceptions by <see cref="X11Connection"/>; a lost server marks its
/// connection as lost (XSetIOErrorExitHandler, libX11 ≥ 1.7) so the next call throws instead of ending the process.
/// </summary>
[SupportedOSPlatform("linux")]
internal static unsafe class X11Errors
{
    private static readonly ConcurrentDictionary<nint, bool> s_lost = new();
    private static readonly Lock s_installLock = new();
    private static bool s_installed;

    [ThreadStatic]
    private static LibX11.XErrorEvent? t_lastError;

    public static void Install()
    {
        lock (s_installLock)
        {
            if (s_installed)
            {
                return;
            }
            // Without it a lost server would end the process; an EntryPointNotFoundException on first use would not say why.
            RequireFunction(Libraries.X11, "XSetIOErrorExitHandler", "libX11 1.7.0 or newer (Debian 11, Ubuntu 21.04 and later have it)");
            // Must precede any other Xlib call: the watcher's event thread and callers share nothing but Xlib's globals.
            LibX11.XInitThreads();
            LibX11.XSetErrorHandler(&OnError);
            LibX11.XSetIOErrorHandler(&OnIOError);
            s_installed = true;
        }
    }

    /// <summary>Checks that <paramref name="library"/> exports <paramref name="function"/>, before anything calls it.</summary>
    /// <exception cref="DispatchException">The library cannot be loaded, or lacks the function; the message names <paramref name="needed"/>.</exception>
    internal static void RequireFunction(string library, string function, string needed)
    {
        if (!NativeLibrary.TryLoad(library, typeof(X11Errors).Assembly, null, out var handle))
        {
            throw new DispatchException($"{library} cannot be loaded; Dispatch needs {needed} (Debian package libx11-6).");
        }
        if (!NativeLibrary.TryGetExport(handle, function, out _))
        {
            throw new DispatchException($"The {library} installed has no {function}; Dispatch needs {needed}. Update libx11-6.");
        }
    }

    public static void WatchForLoss(DisplayHandle display) => LibX11.XSetIOErrorExitHandler(display, &OnIOErrorExit, 0);

    public static bool IsLost(nint display) => s_lost.ContainsKey(display);

    public static void Forget(nint display) => s_lost.TryRemove(display, out _);

    /// <summary>Clears the error recorded for this thread, before a call whose errors are checked.</summary>
    public static void Clear() => t_lastError = null;

    /// <summary>Takes the error Xlib reported on this thread since <see cref="Clear"/>, if any.</summary>
    public static bool TryTake(out LibX11.XErrorEvent error)
    {
        if (t_lastError is { } recorded)
        {
            error = recorded;
            t_lastError = null;
            return true;
        }
        error = default;
        return false;
    }

    public static string Describe(LibX11.XErrorEvent error)
    {
        var buffer = stackalloc byte[256];
        LibX11.XGetErrorText(error.display, error.error_code, buffer, 256);
        var text = Marshal.PtrToStringUTF8((nint)buffer) ?? "unknown";
        return $"X error {error.error_code} ({text}), request {error.request_code}.{error.minor_code}, resource 0x{error.resourceid:x}";
    }

    [UnmanagedCallersOnly]
    private static int OnError(nint display, LibX11.XErrorEvent* error)
    {
        t_lastError = *error;
        return 0;
    }

    [UnmanagedCallersOnly]
    private static int OnIOError(nint display)
    {
        s_lost[display] = true;
        return 0;
    }

    [UnmanagedCallersOnly]
    private static void OnIOErrorExit(nint display, nint userData) => s_lost[display] = true;
}
