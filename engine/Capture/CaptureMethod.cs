namespace Dispatch.Engine.Capture;

/// <summary>How a screen is read.</summary>
public enum CaptureMethod
{
    /// <summary>The fastest method the display offers (MIT-SHM on X11 when the server shares memory with us).</summary>
    Auto,

    /// <summary>The server writes into memory shared with this process (X11 MIT-SHM); about 0.5 ms for 1080p.</summary>
    SharedMemory,

    /// <summary>The pixels travel over the X connection (XGetImage); works on remote displays, 10–35 ms for 1080p.</summary>
    Transfer,
}
