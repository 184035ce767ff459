using System.Runtime.Versioning;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Platform.X11.Native;
using Tmds.DBus.Protocol;

namespace Dispatch.Engine.Platform.X11.Atspi;

/// <summary>
/// AT-SPI2 spoken directly over D-Bus, one instance per display: it connects to the bus the display's
/// <c>AT_SPI_BUS</c> root property names (set by at-spi-bus-launcher) and keeps no process-wide state, so several
/// displays can be read from one process at once. Every call is async and bounded: an application that does not
/// answer within <see cref="CallTimeout"/> is left out (named in the snapshot's partial reason), the others answer.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed partial class AtspiAccessibility : IAccessibility
{
    /// <summary>How long one application may take to answer one call before it counts as hung.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);

    private readonly AtspiBus _bus;
    private readonly TimeProvider _time;
    private readonly IWindowManagerLookup _windows;
    private volatile bool _disposed;

    internal AtspiAccessibility(AtspiBus bus, TimeProvider time, IWindowManagerLookup windows)
    {
        _bus = bus;
        _time = time;
        _windows = windows;
    }

    /// <summary>Connects (on first use) to the accessibility bus of <paramref name="displayName"/>.</summary>
    /// <exception cref="AccessibilityException">The display has no accessibility bus.</exception>
    /// <param name="displayName">The display whose accessibility bus to use.</param>
    /// <param name="time">The clock for walk limits, call timeouts and waits.</param>
    /// <param name="windows">The display's windows, to place elements of toolkits that report window-relative extents (GTK 4).</param>
    public static AtspiAccessibility Open(string? displayName, TimeProvider time, IWindowManagerLookup windows)
    {
        using var connection = X11Connection.Open(displayName);
        var address = connection.GetText(connection.Root, "AT_SPI_BUS", LibX11.XA_STRING)
            ?? throw new AccessibilityException(
                $"Display '{connection.Name}' has no accessibility bus (no AT_SPI_BUS property on its root window); start at-spi-bus-launcher, or use the virtual desktop of 'dispatch run'.");
        return new AtspiAccessibility(new AtspiBus(address, time, CallTimeout), time, windows);
    }

    public async Task<UiTree> SnapshotAsync(UiScope scope, WalkLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var (tree, missing) = await TrySnapshotAsync(scope, limits, cancellationToken).ConfigureAwait(false);
        return tree ?? throw new AccessibilityException(missing!);
    }

    /// <summary>The snapshot, or (when the scope is not on the bus) null and the message that says what is there instead.</summary>
    private async Task<(UiTree? Tree, string? Missing)> TrySnapshotAsync(UiScope scope, WalkLimits? limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ObjectDisposedException.ThrowIf(_disposed, this);
        limits ??= WalkLimits.Default;
        var walk = new AtspiWalk(limits, _time, _windows);
        using var timeLimit = new CancellationTokenSource(limits.Timeout, _time);
        using var walkToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeLimit.Token);
        var apps = await ApplicationsAsync(cancellationToken).ConfigureAwait(false);
        List<(AtspiApplication App, AtspiObject Root, UiPath Path, string? Name)> roots;
        if (scope == UiScope.Desktop)
        {
            roots = [.. apps.Select(a => (a, a.Root, new UiPath(a.ProcessId, []), (string?)null))];
        }
        else
        {
            var found = await FindScopeRootAsync(apps, scope, cancellationToken).ConfigureAwait(false);
            if (found.Root is not { } root)
            {
                return (null, found.Missing);
            }
            roots = [root];
        }
        var readers = roots.Select(r => new AtspiTreeReader(_bus, r.App, limits, walkToken.Token)).ToList();
        try
        {
            var depth = scope == UiScope.Desktop ? 1 : 0;
            var tops = await Task.WhenAll(readers.Select((r, i) => r.ReadTreeAsync(roots[i].Root, depth))).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            var chosen = new List<(AtspiTreeReader Reader, AtspiWalk.Chosen Top)>();
            for (var i = 0; i < readers.Count && !walk.Stopped; i++)
            {
                if (tops[i] is not { } top)
                {
                    // An application that quit (or hung) before its root answered: not in the tree.
                    continue;
                }
                var path = roots[i].Path;
                chosen.Add((readers[i], await walk.ChooseAsync(readers[i], top, path, roots[i].Name ?? top.Name, depth, isWindow: path.Depth == 1).ConfigureAwait(false)));
            }
            var complete = await Task.WhenAll(chosen.Select(c => c.Reader.ReadDetailsAsync([.. Elements(c.Top)]))).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (complete.Contains(false))
            {
                walk.StopAtTimeLimit();
            }
            foreach (var failure in readers.Select(r => r.Failure).OfType<string>())
            {
                walk.Failed(failure);
            }
            if (scope == UiScope.Desktop)
            {
                var children = chosen.Select(c => walk.Build(c.Top)).ToList();
                return (walk.Result(new UiNode(UiRole.Desktop, "desktop frame", "main", "", UiStates.None, null, null, [], new UiPath(0, []), "", children)), null);
            }
            if (chosen.Count == 0)
            {
                readers[0].ThrowIfFailed();
                return (null, timeLimit.IsCancellationRequested
                    ? $"The {scope} did not answer within the time limit of {limits.Timeout.TotalMilliseconds:0} ms."
                    : $"The {scope} left the accessibility bus while it was read.");
            }
            return (walk.Result(walk.Build(chosen[0].Top)), null);
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    private static IEnumerable<AtspiElement> Elements(AtspiWalk.Chosen chosen) =>
        chosen.Children.SelectMany(Elements).Prepend(chosen.Element);

    /// <summary>The scope's root: an application, or a top-level window of one; or what the bus holds instead.</summary>
    private async Task<((AtspiApplication App, AtspiObject Root, UiPath Path, string? Name)? Root, string? Missing)> FindScopeRootAsync(
        IReadOnlyList<AtspiApplication> apps, UiScope scope, CancellationToken cancellationToken)
    {
        if (scope.ProcessId is { } pid && apps.FirstOrDefault(a => a.ProcessId == pid) is { } byProcess)
        {
            return ((byProcess, byProcess.Root, new UiPath(pid, []), null), null);
        }
        var names = await Task.WhenAll(apps.Select(a => NameOrNullAsync(a, a.Root, cancellationToken))).ConfigureAwait(false);
        if (scope.ApplicationName is { } wanted)
        {
            for (var i = 0; i < apps.Count; i++)
            {
                if (string.Equals(names[i], wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return ((apps[i], apps[i].Root, new UiPath(apps[i].ProcessId, []), names[i]), null);
                }
            }
        }
        if (scope.WindowTitle is { } title)
        {
            var windows = await Task.WhenAll(apps.Select(a => WindowTitlesAsync(a, cancellationToken))).ConfigureAwait(false);
            for (var i = 0; i < apps.Count; i++)
            {
                for (var w = 0; w < windows[i].Length; w++)
                {
                    if (windows[i][w].Title?.Contains(title, StringComparison.OrdinalIgnoreCase) == true)
                    {
                        return ((apps[i], windows[i][w].Window, new UiPath(apps[i].ProcessId, [w]), names[i] ?? ""), null);
                    }
                }
            }
        }
        var seen = apps.Select((a, i) => names[i] is { } name ? $"{name} (pid {a.ProcessId})" : $"{a.Label}, which did not answer").ToList();
        return (null, $"No accessible {scope}; applications on the accessibility bus: {(seen.Count == 0 ? "none" : string.Join(", ", seen))}.");
    }

    private async Task<(AtspiObject Window, string? Title)[]> WindowTitlesAsync(AtspiApplication app, CancellationToken cancellationToken)
    {
        AtspiObject[] windows;
        try
        {
            windows = await _bus.GetChildrenAsync(app.Root, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is DBusErrorReplyException or AtspiCallTimeoutException)
        {
            return [];
        }
        var titles = await Task.WhenAll(windows.Select(w => NameOrNullAsync(app, w, cancellationToken))).ConfigureAwait(false);
        return [.. windows.Select((w, i) => (w, titles[i]))];
    }

    /// <summary>An element's name; null when it is gone or its application does not answer.</summary>
    private async Task<string?> NameOrNullAsync(AtspiApplication app, AtspiObject element, CancellationToken cancellationToken)
    {
        try
        {
            return await _bus.GetNameAsync(element, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is DBusErrorReplyException or AtspiCallTimeoutException)
        {
            return null;
        }
    }

    /// <summary>The applications on the bus with their process ids; the registry is asked, and the bus daemon for the pids (never the applications).</summary>
    private async Task<IReadOnlyList<AtspiApplication>> ApplicationsAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            var roots = await _bus.GetChildrenAsync(AtspiBus.Desktop, cancellationToken).ConfigureAwait(false);
            var pids = await Task.WhenAll(roots.Select(async r =>
            {
                try
                {
                    return await _bus.GetProcessIdAsync(r.BusName, cancellationToken).ConfigureAwait(false);
                }
                catch (DBusErrorReplyException)
                {
                    // An application that quit between listing and asking: not there any more.
                    return -1;
                }
            })).ConfigureAwait(false);
            return [.. roots.Select((r, i) => new AtspiApplication(r, pids[i])).Where(a => a.ProcessId > 0)];
        }
        catch (Exception error) when (error is DBusExceptionBase or AtspiCallTimeoutException)
        {
            throw new AccessibilityException($"The accessibility bus '{_bus.Address}' did not list its applications: {error.Message}");
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _bus.Dispose();
    }

    /// <summary>Formats a node for messages.</summary>
    private static string Describe(UiNode node) => $"{node.BackendRole} \"{node.Name}\" at {node.Path}";
}
