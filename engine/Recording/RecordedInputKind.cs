namespace Dispatch.Engine.Recording;

/// <summary>What a person did with a device, as the server saw it.</summary>
public enum RecordedInputKind
{
    /// <summary>A key went down.</summary>
    KeyPress,

    /// <summary>A key came up.</summary>
    KeyRelease,

    /// <summary>A mouse button went down (4–7 are wheel clicks).</summary>
    ButtonPress,

    /// <summary>A mouse button came up.</summary>
    ButtonRelease,

    /// <summary>The pointer moved.</summary>
    Motion,
}
