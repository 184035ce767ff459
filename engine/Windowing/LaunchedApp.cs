using System.Diagnostics;

namespace Dispatch.Engine.Windowing;

/// <summary>A program started by <c>IWindowManager.LaunchAsync</c> and its first window.</summary>
/// <param name="Process">The started process; the caller owns it (kill or wait for it, then dispose).</param>
/// <param name="Window">The window that matched.</param>
public sealed record LaunchedApp(Process Process, WindowInfo Window);
