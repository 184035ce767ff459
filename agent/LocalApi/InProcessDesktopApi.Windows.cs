using System.Diagnostics;
using System.Globalization;
using Dispatch.Engine;
using Dispatch.Engine.Windowing;

namespace Dispatch.Agent.LocalApi;

/// <summary>Launching programs and arranging their windows.</summary>
public sealed partial class InProcessDesktopApi
{
    private static readonly TimeSpan s_arrangeTimeout = TimeSpan.FromSeconds(2);

    /// <inheritdoc/>
    public async Task<LaunchReply> LaunchAsync(LaunchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Program);
        var timeout = Durations.Seconds(request.TimeoutSeconds, "--timeout", maximum: 3600);
        var watch = Stopwatch.StartNew();
        var app = await Desktop.Windows.LaunchAsync(new AppLaunch(request.Program, request.Arguments ?? [])
        {
            Environment = desktopEnvironment ?? new Dictionary<string, string?>(),
            WorkingDirectory = request.WorkingDirectory,
            WindowTitle = request.WindowTitle,
            Timeout = timeout,
            OutputPath = request.OutputPath,
        }, cancellationToken);
        using (app.Process)
        {
            return new LaunchReply(app.Process.Id, WindowDto.From(app.Window), watch.Elapsed.TotalMilliseconds);
        }
    }

    /// <inheritdoc/>
    public async Task<WindowReply> ArrangeWindowAsync(WindowRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var watch = Stopwatch.StartNew();
        var windows = Desktop.Windows;
        var window = WindowNamed(windows, request.Window);
        Func<WindowInfo?, bool> done;
        switch (request.Action)
        {
            case "activate":
                windows.Activate(window.Id);
                done = w => w is { IsActive: true };
                break;
            case "move":
                var corner = new Engine.Geometry.Point(Required(request.X, "x"), Required(request.Y, "y"));
                windows.MoveResize(window.Id, window.Bounds with { X = corner.X, Y = corner.Y });
                done = w => w is not null && w.Bounds.X == corner.X && w.Bounds.Y == corner.Y;
                break;
            case "resize":
                windows.MoveResize(window.Id, window.Bounds with { Width = Positive(request.Width, "width"), Height = Positive(request.Height, "height") });
                // The app may round the size (a terminal to whole characters): any new size is its answer.
                done = w => w is not null && w.Bounds.Size != window.Bounds.Size;
                break;
            case "close":
                // A close may throw away unsaved work without a word (a terminal, an app that does not ask), and no policy can
                // see that: only a person closing it themselves may, as with any step run ungated.
                if (!request.NoGate || !Ungated(true))
                {
                    throw new DispatchException($"closing '{window.Title}' may throw away its unsaved work, which the risk policy cannot judge; " +
                        "close it with its own button or menu (judged by the policy), or add --no-gate to close it yourself");
                }
                windows.Close(window.Id);
                done = w => w is null;
                break;
            default:
                throw new ArgumentException($"'{request.Action}' is not a window action; expected activate, move, resize or close.");
        }
        // The window manager and the app answer in their own time: the reply shows the window once it did what was asked, or
        // as it is after a short wait (an app that asks about unsaved work before it closes, a size it refused).
        var now = await WindowAfterAsync(windows, window.Id, done, cancellationToken);
        return new WindowReply(WindowDto.From(now ?? window), watch.Elapsed.TotalMilliseconds, Closed: now is null);
    }

    private static async Task<WindowInfo?> WindowAfterAsync(IWindowManager windows, ulong id, Func<WindowInfo?, bool> done, CancellationToken cancellationToken)
    {
        try
        {
            await windows.WaitForWindowAsync(_ => done(windows.Get(id)), s_arrangeTimeout, cancellationToken);
        }
        catch (WindowNotFoundException)
        {
            // Not done in time: the reply says how the window is now.
        }
        return windows.Get(id);
    }

    /// <inheritdoc/>
    public async Task<WindowReply> WaitWindowAsync(WaitWindowRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Title);
        var timeout = Durations.Seconds(request.TimeoutSeconds, "--timeout", maximum: 3600);
        var watch = Stopwatch.StartNew();
        var window = await Desktop.Windows.WaitForWindowAsync(w => w.IsVisible && w.Title.Contains(request.Title, StringComparison.OrdinalIgnoreCase),
            timeout, cancellationToken);
        return new WindowReply(WindowDto.From(window), watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// The window an id (<c>0x…</c> or decimal) or a title names: the one titled exactly so, else the one whose title contains
    /// it (case-insensitive); several are an error that lists them.
    /// </summary>
    private static WindowInfo WindowNamed(IWindowManager windows, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var listed = windows.List().Where(w => w.IsVisible).ToList();
        if (ParseId(name) is { } id)
        {
            return windows.Get(id) ?? throw new WindowNotFoundException($"No window has id {name}; windows now: {Listed(listed)}.");
        }
        var exact = listed.Where(w => w.Title == name).ToList();
        var candidates = exact.Count > 0 ? exact : listed.Where(w => w.Title.Contains(name, StringComparison.OrdinalIgnoreCase)).ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new WindowNotFoundException($"No window's title is or contains \"{name}\"; windows now: {Listed(listed)}."),
            _ => throw new DispatchException($"{candidates.Count} windows' titles {(exact.Count > 0 ? "are" : "contain")} \"{name}\": {Listed(candidates)}; name one by its id."),
        };
    }

    private static ulong? ParseId(string name) =>
        name.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && ulong.TryParse(name.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex
        : name.All(char.IsAsciiDigit) && ulong.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : null;

    private static string Listed(List<WindowInfo> windows) =>
        windows.Count == 0 ? "none" : string.Join("; ", windows.Select(w => $"0x{w.Id:x} \"{w.Title}\""));

    private static int Required(int? value, string name) =>
        value ?? throw new ArgumentException($"A window move needs {name}; expected 'window move <title or id> <x> <y>'.");

    private static int Positive(int? value, string name) =>
        value is > 0 and <= 32767 ? value.Value : throw new ArgumentException($"The {name} {value?.ToString(CultureInfo.InvariantCulture) ?? "(none)"} is not a window size; expected 1 to 32767 pixels.");
}
