using System.Diagnostics;
using System.Runtime.Versioning;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Platform.X11.Native;
using Dispatch.Engine.Windowing;

namespace Dispatch.Engine.Platform.X11;

/// <summary>Windows through EWMH when a window manager runs, else through the root window's children.</summary>
[SupportedOSPlatform("linux")]
internal sealed class X11WindowManager : IWindowManager, IWindowManagerLookup
{
    private readonly X11Connection _connection;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    public X11WindowManager(string? displayName, TimeProvider time)
    {
        _connection = X11Connection.Open(displayName);
        _time = time;
    }

    public bool HasWindowManager
    {
        get
        {
            lock (_lock)
            {
                return SupportingWindowManager() != 0;
            }
        }
    }

    public IReadOnlyList<WindowInfo> List()
    {
        lock (_lock)
        {
            _connection.ThrowIfLost();
            var ids = RootChildren();
            if (SupportingWindowManager() != 0)
            {
                // Managed windows in stacking order, then any app window the manager never adopted (one mapped
                // while the manager was still starting stays a bare child of the root, but is on screen all the same).
                var managed = _connection.GetCardinals(_connection.Root, "_NET_CLIENT_LIST_STACKING", LibX11.XA_WINDOW)
                    ?? _connection.GetCardinals(_connection.Root, "_NET_CLIENT_LIST", LibX11.XA_WINDOW) ?? [];
                ids = [.. managed, .. ids.Where(id => !managed.Contains(id) && IsAppWindow(id))];
            }
            var active = ActiveWindow();
            var windows = new List<WindowInfo>(ids.Length);
            foreach (var id in ids)
            {
                // A window may close while we read it; it is then simply not listed.
                if (Read(id, active) is { } info)
                {
                    windows.Add(info);
                }
            }
            return windows;
        }
    }

    public WindowInfo? WindowAt(Point point)
    {
        var popup = PopupAt(point);
        return popup ?? List().LastOrDefault(w => w.IsVisible && w.Bounds.Contains(point));
    }

    /// <summary>
    /// A menu or tooltip on top at the point: such windows bypass the window manager (override-redirect) and are not
    /// in its list, but a click there reaches them. Root children come bottom to top, so the last one found is on top.
    /// </summary>
    private WindowInfo? PopupAt(Point point)
    {
        // Root children come bottom to top; the topmost viewable one at the point decides.
        var top = TopLevels().LastOrDefault(w => w.Bounds.Contains(point));
        return top is { IsPopup: true } ? top : null;
    }

    public IReadOnlyList<WindowInfo> Popups() => [.. TopLevels().Where(w => w.IsPopup)];

    /// <summary>The root's viewable children in stacking order, bottom first, popups marked (what a click reaches, before any frame is looked through).</summary>
    private unsafe List<WindowInfo> TopLevels()
    {
        lock (_lock)
        {
            _connection.ThrowIfLost();
            var found = new List<WindowInfo>();
            if (LibX11.XQueryTree(_connection.Handle, _connection.Root, out _, out _, out var children, out var count) == 0 || children == null)
            {
                return found;
            }
            try
            {
                for (var i = 0; i < (int)count; i++)
                {
                    if (LibX11.XGetWindowAttributes(_connection.Handle, children[i], out var attributes) == 0 || attributes.map_state != LibX11.IsViewable
                        || attributes.width <= 1 || attributes.height <= 1)
                    {
                        continue;
                    }
                    var bounds = new Rect(attributes.x, attributes.y, attributes.width + 2 * attributes.border_width, attributes.height + 2 * attributes.border_width);
                    found.Add(attributes.override_redirect != 0 && Read(children[i], 0) is { } popup
                        ? popup with { IsPopup = true }
                        : new WindowInfo(children[i], "", "", "", null, bounds, true, false));
                }
                return found;
            }
            finally
            {
                LibX11.XFree(children);
            }
        }
    }

    public IReadOnlyList<WindowInfo> WindowsOf(int processId) => List().Where(w => w.ProcessId == processId).ToList();

    public WindowInfo? Get(ulong id)
    {
        lock (_lock)
        {
            _connection.ThrowIfLost();
            return Read((nuint)id, ActiveWindow());
        }
    }

    public void Activate(ulong id)
    {
        lock (_lock)
        {
            RequireWindow(id);
            if (SupportingWindowManager() != 0)
            {
                // Source indication 2: a pager-like tool acting for the user, which window managers obey without focus-stealing checks.
                SendToRoot((nuint)id, "_NET_ACTIVE_WINDOW", 2, 0, 0, 0, 0);
            }
            else
            {
                LibX11.XRaiseWindow(_connection.Handle, (nuint)id);
                LibX11.XSetInputFocus(_connection.Handle, (nuint)id, LibX11.RevertToParent, LibX11.CurrentTime);
            }
            _connection.SyncAndCheck("activate window");
        }
    }

    public void Raise(ulong id)
    {
        lock (_lock)
        {
            RequireWindow(id);
            if (SupportingWindowManager() != 0)
            {
                // _NET_RESTACK_WINDOW: Above, no sibling.
                SendToRoot((nuint)id, "_NET_RESTACK_WINDOW", 2, 0, 0, 0, 0);
            }
            else
            {
                LibX11.XRaiseWindow(_connection.Handle, (nuint)id);
            }
            _connection.SyncAndCheck("XRaiseWindow");
        }
    }

    public void MoveResize(ulong id, Rect bounds)
    {
        if (bounds.Width <= 0 || bounds.Height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bounds), bounds, "A window needs a positive width and height.");
        }
        lock (_lock)
        {
            RequireWindow(id);
            LibX11.XGetWindowAttributes(_connection.Handle, (nuint)id, out var attributes);
            var inner = new Rect(bounds.X, bounds.Y, Math.Max(1, bounds.Width - 2 * attributes.border_width), Math.Max(1, bounds.Height - 2 * attributes.border_width));
            if (SupportingWindowManager() != 0)
            {
                // North-west gravity places the frame's corner, so step back by the frame's left and top extents.
                var extents = _connection.GetCardinals((nuint)id, "_NET_FRAME_EXTENTS", LibX11.XA_CARDINAL) is [var left, _, var top, _]
                    ? ((int)left, (int)top) : (0, 0);
                // Bits 8–11: x, y, width and height are given; bits 12–13: source 2, a tool acting for the user.
                SendToRoot((nuint)id, "_NET_MOVERESIZE_WINDOW", 1 | 0xF00 | (2 << 12),
                    inner.X - extents.Item1, inner.Y - extents.Item2, inner.Width, inner.Height);
            }
            else
            {
                LibX11.XMoveResizeWindow(_connection.Handle, (nuint)id, inner.X, inner.Y, (uint)inner.Width, (uint)inner.Height);
            }
            _connection.SyncAndCheck("move/resize window");
        }
    }

    public void Close(ulong id)
    {
        lock (_lock)
        {
            RequireWindow(id);
            if (SupportingWindowManager() != 0)
            {
                // _NET_CLOSE_WINDOW: timestamp 0, source 2 (a tool acting for the user); the manager sends WM_DELETE_WINDOW or kills as it sees fit.
                SendToRoot((nuint)id, "_NET_CLOSE_WINDOW", 0, 2, 0, 0, 0);
            }
            else
            {
                var delete = _connection.Atom("WM_DELETE_WINDOW");
                if (_connection.GetCardinals((nuint)id, "WM_PROTOCOLS", LibX11.XA_ATOM) is not { } protocols || !protocols.Contains(delete))
                {
                    throw new DispatchException($"The window 0x{id:x} does not take WM_DELETE_WINDOW and no window manager runs to close it; close it from the application.");
                }
                Send((nuint)id, (nuint)id, "WM_PROTOCOLS", 0, (nint)delete, (nint)LibX11.CurrentTime, 0, 0, 0);
            }
            _connection.SyncAndCheck("close window");
        }
    }

    public Task<WindowInfo> WaitForWindowAsync(Func<WindowInfo, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        return Task.Run(() => WaitForWindow(match, timeout, stillWaiting: null, cancellationToken), cancellationToken);
    }

    public Task<LaunchedApp> LaunchAsync(ProcessStartInfo program, TimeSpan timeout, Func<WindowInfo, bool>? match = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        program.Environment["DISPLAY"] = _connection.Name;
        ToolkitAccessibility.Apply(program);
        var output = ProcessOutputTail.Prepare(program);
        var process = Process.Start(program) ?? throw new WindowNotFoundException($"'{program.FileName}' did not start a process.");
        output.Attach(process);
        return WaitForLaunchAsync(process, program.FileName, match, timeout, output.ToString, cancellationToken);
    }

    public Task<LaunchedApp> LaunchAsync(AppLaunch launch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var info = new ProcessStartInfo(launch.Program) { UseShellExecute = false, WorkingDirectory = launch.WorkingDirectory ?? "" };
        foreach (var argument in launch.Arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in launch.Environment)
        {
            info.Environment[name] = value;
        }
        info.Environment["DISPLAY"] = _connection.Name;
        if (ChildProcess.Resolve(launch.Program, info.Environment.TryGetValue("PATH", out var path) ? path : null) is null)
        {
            throw new WindowNotFoundException($"'{launch.Program}' is not a program on PATH or a file; expected a program name or path (no shell line).");
        }
        ToolkitAccessibility.Apply(info);
        // A session of its own (setsid keeps the pid when, as here, the caller does not lead a group), so the app neither gets
        // this terminal's hang-up nor dies with this process; the shell puts its output in the file and execs the program.
        var outputPath = launch.OutputPath ?? "/dev/null";
        var program = info.FileName;
        info.FileName = ProcessSupervisor.SetSid;
        foreach (var (index, value) in new[] { "--", "/bin/sh", "-c", "out=$1; shift; exec \"$@\" </dev/null >>\"$out\" 2>&1", "sh", outputPath, program }.Index())
        {
            info.ArgumentList.Insert(index, value);
        }
        var process = Process.Start(info) ?? throw new WindowNotFoundException($"'{launch.Program}' did not start a process.");
        var match = launch.WindowTitle is { } title ? w => w.IsVisible && w.Title.Contains(title, StringComparison.OrdinalIgnoreCase) : (Func<WindowInfo, bool>?)null;
        return WaitForLaunchAsync(process, launch.Program, match, launch.Timeout, () => OutputTail(launch.OutputPath), cancellationToken);
    }

    /// <summary>The last lines of a launched program's output file, for an error message.</summary>
    private static string OutputTail(string? path)
    {
        var tail = new ProcessOutputTail();
        if (path is not null && File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                tail.Keep(line);
            }
        }
        return path is null ? "Its output was discarded." : tail.ToString();
    }

    private async Task<LaunchedApp> WaitForLaunchAsync(Process process, string program, Func<WindowInfo, bool>? match, TimeSpan timeout, Func<string> output,
        CancellationToken cancellationToken)
    {
        var pid = process.Id;
        var matches = match ?? (w => w.IsVisible && w.ProcessId is { } owner && (owner == pid || IsDescendant(owner, pid)));
        try
        {
            var window = await Task.Run(() => WaitForWindow(matches, timeout, () =>
            {
                if (process.HasExited)
                {
                    throw new WindowNotFoundException($"'{program}' (pid {pid}) exited with status {process.ExitCode} before showing a window. {output()}");
                }
            }, cancellationToken), cancellationToken).ConfigureAwait(false);
            return new LaunchedApp(process, window);
        }
        catch (WindowNotFoundException notShown) when (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new WindowNotFoundException($"'{program}' (pid {pid}) showed no window. {notShown.Message} {output()}");
        }
        catch
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            process.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Waits until a window manager has announced itself (EWMH <c>_NET_SUPPORTING_WM_CHECK</c>) and then until it
    /// actually manages a window: a probe window is mapped and must appear in <c>_NET_CLIENT_LIST</c>. (A manager
    /// announces itself before it handles map requests; an app started in between may never be shown.)
    /// </summary>
    public async Task WaitForWindowManagerAsync(TimeSpan timeout, Action? stillWaiting, CancellationToken cancellationToken)
    {
        await Task.Run(() => WaitFor(
            () => HasWindowManager ? this : null,
            timeout, stillWaiting, () => "no window manager announced itself (_NET_SUPPORTING_WM_CHECK)", cancellationToken), cancellationToken).ConfigureAwait(false);
        nuint probe;
        lock (_lock)
        {
            probe = LibX11.XCreateSimpleWindow(_connection.Handle, _connection.Root, 0, 0, 16, 16, 0, 0, 0);
            _connection.SyncAndCheck("XCreateSimpleWindow");
        }
        try
        {
            var start = _time.GetTimestamp();
            while (true)
            {
                lock (_lock)
                {
                    // A map request that reaches the manager before it handles them is lost: ask again until it answers.
                    LibX11.XUnmapWindow(_connection.Handle, probe);
                    LibX11.XMapWindow(_connection.Handle, probe);
                    _connection.SyncAndCheck("XMapWindow");
                }
                var remaining = timeout - _time.GetElapsedTime(start);
                try
                {
                    await Task.Run(() => WaitFor(
                        () =>
                        {
                            lock (_lock)
                            {
                                return _connection.GetCardinals(_connection.Root, "_NET_CLIENT_LIST", LibX11.XA_WINDOW) is { } managed && managed.Contains(probe) ? this : null;
                            }
                        },
                        TimeSpan.FromTicks(Math.Min(remaining.Ticks, TimeSpan.FromMilliseconds(500).Ticks)), stillWaiting,
                        () => "the window manager did not manage a probe window", cancellationToken), cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (WindowNotFoundException) when (_time.GetElapsedTime(start) < timeout)
                {
                    // Not managed yet: map it again.
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                LibX11.XDestroyWindow(_connection.Handle, probe);
                LibX11.XSync(_connection.Handle, 0);
            }
        }
    }

    /// <summary>Waits until the root window has property <paramref name="name"/> (e.g. at-spi-bus-launcher's AT_SPI_BUS).</summary>
    public Task WaitForRootPropertyAsync(string name, TimeSpan timeout, Action? stillWaiting, CancellationToken cancellationToken) =>
        Task.Run(() => WaitFor(
            () =>
            {
                lock (_lock)
                {
                    return _connection.GetText(_connection.Root, name, LibX11.AnyPropertyType);
                }
            },
            timeout, stillWaiting, () => $"the root window never got property {name}", cancellationToken), cancellationToken);

    private WindowInfo WaitForWindow(Func<WindowInfo, bool> match, TimeSpan timeout, Action? stillWaiting, CancellationToken cancellationToken)
    {
        IReadOnlyList<WindowInfo> seen = [];
        return WaitFor(() =>
        {
            seen = List();
            return seen.FirstOrDefault(match);
        }, timeout, stillWaiting, () => $"no matching window appeared; windows now: {(seen.Count == 0 ? "none" : string.Join("; ", seen))}", cancellationToken);
    }

    /// <summary>
    /// Re-runs <paramref name="probe"/> whenever the root window reports a new, changed or renamed window (on a
    /// connection of its own), and at least every 100 ms for titles set after mapping.
    /// </summary>
    private unsafe T WaitFor<T>(Func<T?> probe, TimeSpan timeout, Action? stillWaiting, Func<string> describeFailure, CancellationToken cancellationToken)
        where T : class
    {
        var start = _time.GetTimestamp();
        using var events = X11Connection.Open(_connection.Name);
        LibX11.XSelectInput(events.Handle, events.Root, (nint)(LibX11.SubstructureNotifyMask | LibX11.PropertyChangeMask));
        events.SyncAndCheck("XSelectInput");
        var fd = new LibC.PollFd { fd = LibX11.XConnectionNumber(events.Handle), events = LibC.POLLIN };
        LibX11.XEvent ev;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (probe() is { } found)
            {
                return found;
            }
            stillWaiting?.Invoke();
            var remaining = timeout - _time.GetElapsedTime(start);
            if (remaining <= TimeSpan.Zero)
            {
                throw new WindowNotFoundException($"Waited {timeout.TotalSeconds:0.###} s on display '{_connection.Name}': {describeFailure()}.");
            }
            LibC.poll(&fd, 1, (int)Math.Clamp(remaining.TotalMilliseconds, 1, 100));
            while (LibX11.XPending(events.Handle) > 0)
            {
                LibX11.XNextEvent(events.Handle, &ev);
            }
            events.ThrowIfLost();
        }
    }

    private nuint SupportingWindowManager()
    {
        var check = _connection.GetCardinals(_connection.Root, "_NET_SUPPORTING_WM_CHECK", LibX11.XA_WINDOW);
        if (check is not [var child])
        {
            return 0;
        }
        // A stale property from a window manager that has exited points at a window that no longer says the same.
        X11Errors.Clear();
        var self = _connection.GetCardinals(child, "_NET_SUPPORTING_WM_CHECK", LibX11.XA_WINDOW);
        LibX11.XSync(_connection.Handle, 0);
        X11Errors.TryTake(out _);
        return self is [var same] && same == child ? child : 0;
    }

    /// <summary>True when <paramref name="processId"/> was started, directly or not, by <paramref name="ancestor"/> (parents from /proc).</summary>
    private static bool IsDescendant(int processId, int ancestor)
    {
        for (var (current, hops) = (processId, 0); current > 1 && hops < 64; hops++)
        {
            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{current}/stat");
            }
            catch (IOException)
            {
                return false; // it ended: it is no one's descendant any more
            }
            // "pid (comm) state ppid …": the name may hold spaces and parentheses, so read after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (!int.TryParse(fields[1], System.Globalization.CultureInfo.InvariantCulture, out current))
            {
                return false;
            }
            if (current == ancestor)
            {
                return true;
            }
        }
        return false;
    }

    private nuint ActiveWindow() =>
        _connection.GetCardinals(_connection.Root, "_NET_ACTIVE_WINDOW", LibX11.XA_WINDOW) is [var active] ? active : 0;

    /// <summary>A viewable window an application made (it names its class), as opposed to a window manager's frame.</summary>
    private bool IsAppWindow(nuint id) =>
        LibX11.XGetWindowAttributes(_connection.Handle, id, out var attributes) != 0
        && attributes.map_state == LibX11.IsViewable
        && _connection.GetText(id, "WM_CLASS", LibX11.XA_STRING) is { Length: > 0 };

    private unsafe nuint[] RootChildren()
    {
        if (LibX11.XQueryTree(_connection.Handle, _connection.Root, out _, out _, out var children, out var count) == 0 || children == null)
        {
            return [];
        }
        try
        {
            var ids = new List<nuint>((int)count);
            for (var i = 0; i < count; i++)
            {
                if (LibX11.XGetWindowAttributes(_connection.Handle, children[i], out var attributes) != 0 && attributes.override_redirect == 0)
                {
                    ids.Add(children[i]);
                }
            }
            return [.. ids];
        }
        finally
        {
            LibX11.XFree(children);
        }
    }

    private WindowInfo? Read(nuint id, nuint active)
    {
        X11Errors.Clear();
        if (LibX11.XGetWindowAttributes(_connection.Handle, id, out var attributes) == 0)
        {
            X11Errors.TryTake(out _);
            return null;
        }
        LibX11.XTranslateCoordinates(_connection.Handle, id, _connection.Root, 0, 0, out var x, out var y, out _);
        var title = _connection.GetText(id, "_NET_WM_NAME", _connection.Atom("UTF8_STRING"))
            ?? _connection.GetText(id, "WM_NAME", LibX11.AnyPropertyType) ?? "";
        var wmClass = (_connection.GetText(id, "WM_CLASS", LibX11.XA_STRING) ?? "").Split('\0');
        var pid = _connection.GetCardinals(id, "_NET_WM_PID", LibX11.XA_CARDINAL) is [var p] ? (int?)p : null;
        LibX11.XSync(_connection.Handle, 0);
        if (X11Errors.TryTake(out _))
        {
            return null; // destroyed while we read it
        }
        // The X border (xterm keeps a 1-pixel one) is drawn by the window, so it is part of what a person sees of it.
        var border = attributes.border_width;
        return new WindowInfo(id, title, wmClass.Length > 1 ? wmClass[1] : "", wmClass[0], pid,
            new Rect(x - border, y - border, attributes.width + 2 * border, attributes.height + 2 * border),
            attributes.map_state == LibX11.IsViewable, id == active)
        {
            IsDialog = IsDialog(id),
        };
    }

    /// <summary>What the app told the window manager: a dialog window type, a modal state, or a parent it belongs to.</summary>
    private bool IsDialog(nuint id) =>
        _connection.GetCardinals(id, "_NET_WM_WINDOW_TYPE", LibX11.XA_ATOM) is { } types && types.Contains(_connection.Atom("_NET_WM_WINDOW_TYPE_DIALOG"))
        || _connection.GetCardinals(id, "_NET_WM_STATE", LibX11.XA_ATOM) is { } states && states.Contains(_connection.Atom("_NET_WM_STATE_MODAL"))
        || _connection.GetCardinals(id, "WM_TRANSIENT_FOR", LibX11.XA_WINDOW) is [not 0];

    private void RequireWindow(ulong id)
    {
        _connection.ThrowIfLost();
        if (Read((nuint)id, 0) is null)
        {
            throw new WindowNotFoundException($"No window has id 0x{id:x}; list the windows with 'dispatch windows'.");
        }
    }

    private void SendToRoot(nuint window, string messageType, nint l0, nint l1, nint l2, nint l3, nint l4) =>
        Send(_connection.Root, window, messageType, (nint)(LibX11.SubstructureRedirectMask | LibX11.SubstructureNotifyMask), l0, l1, l2, l3, l4);

    private unsafe void Send(nuint destination, nuint window, string messageType, nint eventMask, nint l0, nint l1, nint l2, nint l3, nint l4)
    {
        var message = new LibX11.XClientMessageEvent
        {
            type = LibX11.ClientMessage,
            send_event = 1,
            window = window,
            message_type = _connection.Atom(messageType),
            format = 32,
            l0 = l0, l1 = l1, l2 = l2, l3 = l3, l4 = l4,
        };
        // XSendEvent reads a whole XEvent (192 bytes); the client message struct is smaller, so send from a padded buffer.
        var buffer = stackalloc byte[sizeof(LibX11.XEvent)];
        new Span<byte>(buffer, sizeof(LibX11.XEvent)).Clear();
        *(LibX11.XClientMessageEvent*)buffer = message;
        LibX11.XSendEvent(_connection.Handle, destination, 0, eventMask, (LibX11.XClientMessageEvent*)buffer);
    }

    public void Dispose() => _connection.Dispose();
}
