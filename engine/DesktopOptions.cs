using Dispatch.Engine.Capture;

namespace Dispatch.Engine;

/// <summary>How <see cref="Desktop.Open"/> connects.</summary>
public sealed record DesktopOptions
{
    /// <summary>The display to use, e.g. <c>:99</c>; null uses <c>$DISPLAY</c>.</summary>
    public string? DisplayName { get; init; }

    /// <summary>How to capture; <see cref="CaptureMethod.Auto"/> picks shared memory when the display allows it.</summary>
    public CaptureMethod CaptureMethod { get; init; } = CaptureMethod.Auto;

    /// <summary>When false, waits poll the screen instead of using the server's damage reports.</summary>
    public bool UseDamage { get; init; } = true;

    /// <summary>The clock for timestamps, timeouts and pacing; the system clock when null.</summary>
    public TimeProvider? Time { get; init; }
}
