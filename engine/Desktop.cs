using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Input;
using Dispatch.Engine.Platform.X11;
using Dispatch.Engine.Windowing;

namespace Dispatch.Engine;

/// <summary>
/// One desktop session: the screen, input, windows and change detection of one display, all in the same
/// coordinates (physical screen pixels). The only place that picks a platform implementation.
/// </summary>
public sealed class Desktop : IDesktop
{
    private readonly Lazy<IAccessibility> _accessibility;

    private Desktop(string displayName, IScreen screen, IInput input, IWindowManager windows, DamageMonitor? damage, ScreenWatcher watcher,
        Func<IAccessibility> openAccessibility)
    {
        _accessibility = new Lazy<IAccessibility>(openAccessibility);
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

    /// <summary>The accessibility tree of this display's apps, connected on first use.</summary>
    /// <exception cref="AccessibilityException">The display has no accessibility bus.</exception>
    public IAccessibility Accessibility => _accessibility.Value;

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
            var input = Track(new X11Input(options.DisplayName, time,
                ct => watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), ct)));
            var windows = Track(new X11WindowManager(options.DisplayName, time));
            var name = options.DisplayName ?? Environment.GetEnvironmentVariable("DISPLAY") ?? "";
            return new Desktop(name, screen, input, windows, damage, watcher, () => OperatingSystem.IsLinux()
                ? Platform.X11.Atspi.AtspiAccessibility.Open(options.DisplayName, time, (X11WindowManager)windows)
                : throw new PlatformNotSupportedException("Accessibility has an AT-SPI backend only."));
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

    /// <summary>Releases anything still held, then closes every connection.</summary>
    public void Dispose()
    {
        // Input first: it may wait for the screen to settle (through the damage monitor) before unbinding keys.
        Input.Dispose();
        if (_accessibility.IsValueCreated)
        {
            _accessibility.Value.Dispose();
        }
        Damage?.Dispose();
        Windows.Dispose();
        Screen.Dispose();
    }
}
