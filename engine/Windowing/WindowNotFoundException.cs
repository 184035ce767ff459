namespace Dispatch.Engine.Windowing;

/// <summary>A window id that names no window, or a launched program that showed no window in time.</summary>
public sealed class WindowNotFoundException : DispatchException
{
    /// <summary>Creates the exception.</summary>
    public WindowNotFoundException(string message) : base(message)
    {
    }
}
