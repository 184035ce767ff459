namespace Dispatch.Engine.Input;

/// <summary>A mouse button.</summary>
public enum MouseButton
{
    /// <summary>The primary (left) button.</summary>
    Left,

    /// <summary>The middle button (wheel press).</summary>
    Middle,

    /// <summary>The secondary (right) button.</summary>
    Right,
}
