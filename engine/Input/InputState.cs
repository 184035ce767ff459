using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Input;

/// <summary>The pointer and the pressed buttons and keys, as the display server reports them.</summary>
/// <param name="Pointer">The pointer's position.</param>
/// <param name="ButtonsDown">Mouse buttons held down.</param>
/// <param name="KeysDown">Keysym names of the keys held down (or <c>keycode N</c> when a key has none).</param>
public sealed record InputState(Point Pointer, IReadOnlyList<MouseButton> ButtonsDown, IReadOnlyList<string> KeysDown)
{
    /// <summary>True when nothing is pressed.</summary>
    public bool NothingPressed => ButtonsDown.Count == 0 && KeysDown.Count == 0;
}
