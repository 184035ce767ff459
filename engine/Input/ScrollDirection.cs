namespace Dispatch.Engine.Input;

/// <summary>Which way a scroll moves the content's viewport.</summary>
public enum ScrollDirection
{
    /// <summary>Towards the top.</summary>
    Up,

    /// <summary>Towards the bottom.</summary>
    Down,

    /// <summary>Towards the left.</summary>
    Left,

    /// <summary>Towards the right.</summary>
    Right,
}
