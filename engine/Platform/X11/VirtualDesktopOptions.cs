using System.Runtime.Versioning;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Platform.X11;

/// <summary>What <see cref="VirtualDesktop.StartAsync"/> starts.</summary>
[SupportedOSPlatform("linux")]
public sealed record VirtualDesktopOptions
{
    /// <summary>The screen size in pixels; 1920×1080 by default.</summary>
    public Size ScreenSize { get; init; } = new(1920, 1080);

    /// <summary>The window manager program, or null for none; <c>openbox</c> by default.</summary>
    public string? WindowManager { get; init; } = "openbox";

    /// <summary>Start a private D-Bus session and the AT-SPI accessibility bus (needed to read apps' accessibility trees).</summary>
    public bool Accessibility { get; init; } = true;

    /// <summary>
    /// Give programs started on this desktop a private home, config and data folder (and in-memory GSettings),
    /// so nothing they save touches the user's files. For tests; off by default.
    /// </summary>
    public bool IsolateHome { get; init; }

    /// <summary>How long each part may take to come up.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(20);
}
