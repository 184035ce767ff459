using System.Diagnostics;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Windowing;

/// <summary>Lists and arranges top-level windows and starts programs. Geometry is in screen pixels.</summary>
public interface IWindowManager : IDisposable
{
    /// <summary>True when a window manager runs (EWMH); without one, lists come from the window tree.</summary>
    bool HasWindowManager { get; }

    /// <summary>The top-level windows, bottom to top in stacking order.</summary>
    IReadOnlyList<WindowInfo> List();

    /// <summary>The topmost visible window containing <paramref name="point"/> (what a click there reaches), or null.</summary>
    WindowInfo? WindowAt(Point point);

    /// <summary>Open popups (menus, tooltips, completion lists): windows that bypass the window manager, bottom to top.</summary>
    IReadOnlyList<WindowInfo> Popups();

    /// <summary>The window with <paramref name="id"/>, or null when there is none.</summary>
    WindowInfo? Get(ulong id);

    /// <summary>Raises the window and gives it the keyboard focus.</summary>
    /// <exception cref="WindowNotFoundException">No window has that id.</exception>
    void Activate(ulong id);

    /// <summary>Raises the window above its siblings without focusing it.</summary>
    void Raise(ulong id);

    /// <summary>Moves and resizes the app's window (as in <see cref="WindowInfo.Bounds"/>, without the window manager's frame) to <paramref name="bounds"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is not positive.</exception>
    void MoveResize(ulong id, Rect bounds);

    /// <summary>
    /// Asks the window to close, as its title bar's close button does (the window manager's close, else <c>WM_DELETE_WINDOW</c>):
    /// the application decides, and may ask about unsaved work first. Nothing is killed.
    /// </summary>
    /// <exception cref="WindowNotFoundException">No window has that id.</exception>
    /// <exception cref="DispatchException">With no window manager, the window does not take a polite close request.</exception>
    void Close(ulong id);

    /// <summary>Waits until a window matching <paramref name="match"/> is shown, driven by window-manager events.</summary>
    /// <exception cref="WindowNotFoundException">None appeared within <paramref name="timeout"/>; the message lists the windows seen.</exception>
    Task<WindowInfo> WaitForWindowAsync(Func<WindowInfo, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a program on this display and waits for its first visible window: one whose process id is the program's or
    /// a descendant's, or one matching <paramref name="match"/> when given (for programs that hand off to another process).
    /// The toolkits' accessibility variables and switches are added. The caller owns the process.
    /// </summary>
    /// <exception cref="WindowNotFoundException">No window in time (the program is killed), or it exited first.</exception>
    Task<LaunchedApp> LaunchAsync(ProcessStartInfo program, TimeSpan timeout, Func<WindowInfo, bool>? match = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts <paramref name="launch"/> on this display in a session of its own that outlives this process, with what the
    /// toolkits need to be accessible, and waits for its window.
    /// </summary>
    /// <exception cref="WindowNotFoundException">The program is not found, exited before showing a window (the message has its
    /// status and last output), or showed none in time (it is then killed).</exception>
    Task<LaunchedApp> LaunchAsync(AppLaunch launch, CancellationToken cancellationToken = default);
}
