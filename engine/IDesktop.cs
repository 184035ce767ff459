using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Input;
using Dispatch.Engine.Windowing;

namespace Dispatch.Engine;

/// <summary>
/// One display's screen, input, windows, accessibility and change detection, all in physical screen pixels. What the
/// engine's services depend on, so they can run against a fake in tests; <see cref="Desktop"/> is the real one.
/// </summary>
public interface IDesktop : IDisposable
{
    /// <summary>The display, e.g. <c>:99</c>.</summary>
    string DisplayName { get; }

    /// <summary>Screen capture.</summary>
    IScreen Screen { get; }

    /// <summary>Mouse and keyboard.</summary>
    IInput Input { get; }

    /// <summary>Top-level windows and launching programs.</summary>
    IWindowManager Windows { get; }

    /// <summary>The accessibility tree of this display's apps.</summary>
    /// <exception cref="AccessibilityException">The display has no accessibility bus.</exception>
    IAccessibility Accessibility { get; }

    /// <summary>Settle and change waits over <see cref="Screen"/>.</summary>
    ScreenWatcher Watcher { get; }

    /// <summary>Starts recording the person's input on this display (connections of its own), until the recorder is disposed.</summary>
    /// <exception cref="DispatchException">The display cannot record input.</exception>
    Recording.IInputRecorder RecordInput();
}
