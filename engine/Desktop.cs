using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Input;
using Dispatch.Engine.Platform.X11;
using Dispatch.Engine.Vision;
using Dispatch.Engine.Windowing;

namespace Dispatch.Engine;

/// <summary>
/// One desktop session: the screen, input, windows and change detection of one display, all in the same
/// coordinates (physical screen pixels). The only place that picks a platform implementation.
/// </summary>
public sealed class Desktop : IDesktop
{
    private readonly Func<IAccessibility> _openAccessibility;
    private readonly Lock _accessibilityLock = new();
    private readonly Lazy<IDisposable> _serverWatch;
    private IAccessibility? _accessibility;

    private Desktop(string displayName, IScreen screen, IInput input, IWindowManager windows, DamageMonitor? damage, ScreenWatcher watcher,
        Func<IAccessibility> openAccessibility, Func<IDisposable> watchServer)
    {
        _openAccessibility = openAccessibility;
        _serverWatch = new Lazy<IDisposable>(watchServer);
        DisplayName = displayName;
        Screen = screen;
        Input = input;
        Windows = windows;
        Damage = damage;
        Watcher = watcher;
    }

    /// <summary>The display this desktop is on, e.g. <c>:99</c>.</summary>
    public string DisplayName { get; }

    /// <summary>Screen capture.</summary>
    public IScreen Screen { get; }

    /// <summary>Mouse and keyboard.</summary>
    public IInput Input { get; }

    /// <summary>Top-level windows and launching programs.</summary>
    public IWindowManager Windows { get; }

    /// <summary>The server's reports of redrawn areas, or null when unavailable or turned off.</summary>
    public DamageMonitor? Damage { get; }

    /// <summary>Settle and change waits over <see cref="Screen"/>.</summary>
    public ScreenWatcher Watcher { get; }

    /// <summary>
    /// The accessibility tree of this display's apps, connected on first use. A failed connection is not remembered: the bus
    /// may start later (a long-lived host outlives a restarted session), so the next use tries again.
    /// </summary>
    /// <exception cref="AccessibilityException">The display has no accessibility bus.</exception>
    public IAccessibility Accessibility
    {
        get
        {
            lock (_accessibilityLock)
            {
                return _accessibility ??= _openAccessibility();
            }
        }
    }

    /// <summary>
    /// A token cancelled when the display's server goes away (it ended, crashed or was killed), for a long-lived owner such as
    /// <c>dispatch run</c> that must stop then. The first call starts the watch: a connection and a thread of its own that sleep
    /// until the server's socket closes.
    /// </summary>
    /// <exception cref="DisplayUnavailableException">The display cannot be opened (it is gone already).</exception>
    public CancellationToken WatchForServerLoss() => OperatingSystem.IsLinux()
        ? ((X11ServerWatch)_serverWatch.Value).Lost
        : throw new PlatformNotSupportedException("Only the X11 backend can watch its server.");

    /// <inheritdoc/>
    public Recording.IInputRecorder RecordInput() => OperatingSystem.IsLinux()
        ? X11InputRecorder.Start(DisplayName)
        : throw new PlatformNotSupportedException("Only the X11 backend can record input.");

    /// <summary>Connects to a display.</summary>
    /// <exception cref="DisplayUnavailableException">No display was given, or it cannot be opened.</exception>
    /// <exception cref="PlatformNotSupportedException">This operating system has no backend yet.</exception>
    public static Desktop Open(DesktopOptions? options = null)
    {
        options ??= new DesktopOptions();
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException($"Dispatch has an X11 backend only; {Environment.OSVersion} is not supported yet.");
        }
        var time = options.Time ?? TimeProvider.System;
        var opened = new List<IDisposable>();
        try
        {
            var screen = Track(new X11Screen(options.DisplayName, options.CaptureMethod, time));
            var damage = options.UseDamage ? X11DamageMonitor.TryStart(options.DisplayName) : null;
            if (damage is not null)
            {
                Track(damage);
            }
            var watcher = new ScreenWatcher(screen, damage, time);
            // Before a spare key is rebound the app must have read the keys typed with it; a quarter second without drawing
            // is the sign (100 ms was seen to pass while a loaded machine's xterm had not yet read its keys).
            var input = Track(new X11Input(options.DisplayName, time,
                ct => watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5), ct)));
            var windows = Track(new X11WindowManager(options.DisplayName, time));
            var name = options.DisplayName ?? Environment.GetEnvironmentVariable("DISPLAY") ?? "";
            return new Desktop(name, screen, input, windows, damage, watcher, () => OperatingSystem.IsLinux()
                ? Platform.X11.Atspi.AtspiAccessibility.Open(options.DisplayName, time, (X11WindowManager)windows)
                : throw new PlatformNotSupportedException("Accessibility has an AT-SPI backend only."),
                () => OperatingSystem.IsLinux()
                    ? new X11ServerWatch(options.DisplayName)
                    : throw new PlatformNotSupportedException("Only the X11 backend can watch its server."));
        }
        catch
        {
            for (var i = opened.Count - 1; i >= 0; i--)
            {
                opened[i].Dispose();
            }
            throw;
        }

        T Track<T>(T item) where T : IDisposable
        {
            opened.Add(item);
            return item;
        }
    }

    /// <summary>
    /// Completes OCR options with what this platform knows: where Tesseract's data lives when the caller named no folder,
    /// and the thread limit Tesseract reads from the process's native environment, set before it loads.
    /// </summary>
    internal static OcrOptions PrepareOcr(OcrOptions options) =>
        OperatingSystem.IsLinux() ? TesseractSetup.Prepare(options) : options;

    /// <summary>
    /// Releases anything still held, then closes every connection. Each is closed even when an earlier one fails to; the
    /// failures are thrown together afterwards.
    /// </summary>
    public void Dispose()
    {
        IAccessibility? accessibility;
        lock (_accessibilityLock)
        {
            accessibility = _accessibility;
            _accessibility = null;
        }
        var failures = new List<Exception>();
        // Input first: it may wait for the screen to settle (through the damage monitor) before unbinding keys.
        foreach (var part in new IDisposable?[] { Input, accessibility, Damage, Windows, Screen, _serverWatch.IsValueCreated ? _serverWatch.Value : null })
        {
            try
            {
                part?.Dispose();
            }
            catch (Exception error) when (error is DispatchException or IOException or InvalidOperationException)
            {
                failures.Add(error);
            }
        }
        if (failures.Count > 0)
        {
            throw new AggregateException("Closing the desktop failed in part; every connection was closed as far as it could be.", failures);
        }
    }
}
