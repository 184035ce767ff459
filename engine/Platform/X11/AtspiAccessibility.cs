using System.Runtime.Versioning;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// AT-SPI2 through libatspi. libatspi keeps one connection per process, so calls are serialised on one lock, and
/// the bus is chosen from the display's <c>AT_SPI_BUS</c> root property (set by at-spi-bus-launcher) on first use;
/// one process reads one display's accessibility bus.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed unsafe partial class AtspiAccessibility : IAccessibility
{
    private static readonly Lock s_lock = new();
    private static string? s_busAddress;

    private readonly TimeProvider _time;
    private readonly IWindowManagerLookup _windows;
    private bool _disposed;

    private AtspiAccessibility(TimeProvider time, IWindowManagerLookup windows)
    {
        _time = time;
        _windows = windows;
    }

    /// <summary>Connects to the accessibility bus of <paramref name="displayName"/>.</summary>
    /// <exception cref="AccessibilityException">The display has no accessibility bus.</exception>
    /// <param name="displayName">The display whose accessibility bus to use.</param>
    /// <param name="time">The clock for walk limits and waits.</param>
    /// <param name="windows">The display's windows, to place elements of toolkits that report window-relative extents (GTK 4).</param>
    public static AtspiAccessibility Open(string? displayName, TimeProvider time, IWindowManagerLookup windows)
    {
        string address;
        using (var connection = X11Connection.Open(displayName))
        {
            address = connection.GetText(connection.Root, "AT_SPI_BUS", LibX11.XA_STRING)
                ?? throw new AccessibilityException(
                    $"Display '{connection.Name}' has no accessibility bus (no AT_SPI_BUS property on its root window); start at-spi-bus-launcher, or use the virtual desktop of 'dispatch run'.");
        }
        lock (s_lock)
        {
            if (s_busAddress is not null && s_busAddress != address)
            {
                // libatspi keeps one bus per process and does not recover from atspi_exit/atspi_init onto another.
                throw new AccessibilityException(
                    $"This process already reads the accessibility bus '{s_busAddress}'; libatspi serves one bus per process, so display '{displayName}' (bus '{address}') needs a process of its own.");
            }
            if (s_busAddress is null)
            {
                // libatspi reads the bus address from the native environment.
                LibC.setenv("AT_SPI_BUS_ADDRESS", address, 1);
                if (LibAtspi.atspi_init() > 1)
                {
                    throw new AccessibilityException($"atspi_init failed for bus '{address}'.");
                }
                // A hung app must not hang us: a D-Bus call waits at most this long.
                LibAtspi.atspi_set_timeout(2000, 15000);
                s_busAddress = address;
            }
        }
        return new AtspiAccessibility(time, windows);
    }

    public UiTree Snapshot(UiScope scope, WalkLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        limits ??= WalkLimits.Default;
        lock (s_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var walk = new Walk(limits, _time, _windows);
            using var desktop = GObjectHandle.Take(LibAtspi.atspi_get_desktop(0))
                ?? throw new AccessibilityException("atspi_get_desktop(0) returned no desktop.");
            var apps = Applications(desktop);
            try
            {
                UiNode root;
                if (scope == UiScope.Desktop)
                {
                    var children = new List<UiNode>();
                    foreach (var (app, pid, index) in apps)
                    {
                        if (walk.Stopped)
                        {
                            break;
                        }
                        var name = Name(app);
                        children.Add(walk.Read(app, new UiPath(pid, []), name, depth: 1, isWindow: false, default));
                    }
                    root = new UiNode("desktop frame", "main", "", UiStates.None, null, null, [], new UiPath(0, []), "", children);
                }
                else
                {
                    var (handle, path, application) = FindScopeRoot(apps, scope);
                    using (handle)
                    {
                        root = walk.Read(handle, path, application, depth: 0, isWindow: path.Depth == 1, default);
                    }
                }
                return walk.Result(root);
            }
            finally
            {
                foreach (var (app, _, _) in apps)
                {
                    app.Dispose();
                }
            }
        }
    }

    /// <summary>The scope's root: an application, or a top-level window of one (a new reference the caller disposes).</summary>
    private static (GObjectHandle Handle, UiPath Path, string Application) FindScopeRoot(List<(GObjectHandle App, int Pid, int Index)> apps, UiScope scope)
    {
        var seen = new List<string>();
        foreach (var (app, pid, _) in apps)
        {
            var name = Name(app);
            seen.Add($"{name} (pid {pid})");
            if (scope.ProcessId == pid || (scope.ApplicationName is { } wanted && string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase)))
            {
                return (app.AddReference(), new UiPath(pid, []), name);
            }
            if (scope.WindowTitle is { } title)
            {
                var count = ChildCount(app);
                for (var i = 0; i < count; i++)
                {
                    var window = Child(app, i);
                    if (window is null)
                    {
                        continue;
                    }
                    if (Name(window).Contains(title, StringComparison.OrdinalIgnoreCase))
                    {
                        return (window, new UiPath(pid, [i]), name);
                    }
                    window.Dispose();
                }
            }
        }
        throw new AccessibilityException($"No accessible {scope}; applications on the accessibility bus: {(seen.Count == 0 ? "none" : string.Join(", ", seen))}.");
    }

    /// <summary>The desktop's application children with their process ids (new references).</summary>
    private static List<(GObjectHandle App, int Pid, int Index)> Applications(GObjectHandle desktop)
    {
        // libatspi keeps its cache (names, roles, states, children) current from bus events, which only a GLib main
        // loop dispatches; we run none, so dispatch what has arrived before every read. (Dropping the cache instead
        // would be safe too, but makes every property a D-Bus round trip: a snapshot of gnome-calculator 6× slower.)
        while (LibGObject.g_main_context_iteration(0, 0) != 0)
        {
        }
        var apps = new List<(GObjectHandle, int, int)>();
        var count = ChildCount(desktop);
        for (var i = 0; i < count; i++)
        {
            if (Child(desktop, i) is not { } app)
            {
                continue;
            }
            LibGObject.GError* error = null;
            var pid = (int)LibAtspi.atspi_accessible_get_process_id(app, &error);
            if (error != null)
            {
                // An application that quit between listing and asking: not there any more.
                LibGObject.g_error_free(error);
                app.Dispose();
                continue;
            }
            // Cache every property libatspi keeps current from the app's events (which we dispatch) — but not children:
            // Chromium draws a page's confirm() inside its window and a cached child list never showed that dialog.
            LibAtspi.atspi_accessible_set_cache_mask(app, LibAtspi.ATSPI_CACHE_ALL & ~LibAtspi.ATSPI_CACHE_CHILDREN);
            apps.Add((app, pid, i));
        }
        return apps;
    }

    public void Dispose()
    {
        lock (s_lock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
    }

    /// <summary>Throws for a GError set by a libatspi call, naming the call and what it was for.</summary>
    private static void Check(LibGObject.GError* error, string function, string target)
    {
        if (error == null)
        {
            return;
        }
        var message = System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)error->message) ?? "unknown error";
        LibGObject.g_error_free(error);
        throw new AccessibilityException($"{function} failed for {target}: {message}");
    }

    private static string Name(GObjectHandle accessible)
    {
        LibGObject.GError* error = null;
        var name = LibGObject.TakeString(LibAtspi.atspi_accessible_get_name(accessible, &error));
        if (error != null)
        {
            LibGObject.g_error_free(error);
            return "";
        }
        return name ?? "";
    }

    private static int ChildCount(GObjectHandle accessible)
    {
        LibGObject.GError* error = null;
        var count = LibAtspi.atspi_accessible_get_child_count(accessible, &error);
        if (error != null)
        {
            LibGObject.g_error_free(error);
            return 0;
        }
        return count;
    }

    /// <summary>Child <paramref name="index"/> (a new reference); null when gone.</summary>
    private static GObjectHandle? Child(GObjectHandle parent, int index)
    {
        LibGObject.GError* error = null;
        var child = LibAtspi.atspi_accessible_get_child_at_index(parent, index, &error);
        if (error != null)
        {
            LibGObject.g_error_free(error);
            return null;
        }
        return GObjectHandle.Take(child);
    }

    /// <summary>Formats a node for messages.</summary>
    private static string Describe(UiNode node) => $"{node.Role} \"{node.Name}\" at {node.Path}";
}
