namespace Dispatch.Engine.Windowing;

/// <summary>Where keys go: the active window, else the topmost visible one (with no window manager nothing is active).</summary>
public static class KeyboardWindow
{
    /// <summary>The window keys typed now would reach, or null when no window is shown.</summary>
    public static WindowInfo? Of(IWindowManager windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var visible = windows.List().Where(w => w.IsVisible).ToList();
        return visible.Count == 0 ? null : visible.LastOrDefault(w => w.IsActive) ?? visible[^1];
    }
}
