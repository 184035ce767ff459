using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Input;

/// <summary>
/// Synthesises mouse and keyboard input as if a person used the devices. Points are physical screen pixels.
/// Every method that presses something releases it before returning, even when it fails or is cancelled;
/// <see cref="ReleaseAll"/> lets go of anything still held (the emergency stop).
/// </summary>
public interface IInput : IDisposable
{
    /// <summary>Where the pointer is now, as the server reports it.</summary>
    Point PointerPosition { get; }

    /// <summary>Moves the pointer to <paramref name="to"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The point is off the screen.</exception>
    void MoveMouse(Point to);

    /// <summary>Clicks <paramref name="button"/> <paramref name="count"/> times (2 = double, 3 = triple click).</summary>
    /// <param name="at">Where to click; null clicks where the pointer is.</param>
    /// <param name="button">The button.</param>
    /// <param name="count">1 to 3.</param>
    /// <param name="hold">Keys held during the click, e.g. <c>shift</c> or <c>ctrl+shift</c>.</param>
    void Click(Point? at, MouseButton button = MouseButton.Left, int count = 1, KeyChord? hold = null);

    /// <summary>Presses <paramref name="button"/> and keeps it down until <see cref="ButtonUp"/> or <see cref="ReleaseAll"/>.</summary>
    void ButtonDown(MouseButton button, Point? at = null);

    /// <summary>Releases <paramref name="button"/>.</summary>
    void ButtonUp(MouseButton button, Point? at = null);

    /// <summary>
    /// Presses the left button at <paramref name="from"/>, moves to <paramref name="to"/> in steps spread over
    /// <paramref name="duration"/>, and releases it there. Cancelling releases the button where the pointer is.
    /// </summary>
    Task DragAsync(Point from, Point to, TimeSpan duration, KeyChord? hold = null, CancellationToken cancellationToken = default);

    /// <summary>Scrolls <paramref name="amount"/> wheel clicks in <paramref name="direction"/>.</summary>
    /// <param name="at">Where to scroll; null scrolls where the pointer is.</param>
    /// <param name="direction">Which way.</param>
    /// <param name="amount">Wheel clicks, 1 to 100.</param>
    /// <param name="hold">Keys held while scrolling, e.g. <c>ctrl</c> to zoom.</param>
    void Scroll(Point? at, ScrollDirection direction, int amount, KeyChord? hold = null);

    /// <summary>Presses and releases the chords one after another, e.g. <c>ctrl+s</c> or <c>ctrl+a Delete</c>.</summary>
    /// <exception cref="KeyNameException">A key name is unknown; the message names it.</exception>
    void PressKeys(string keys);

    /// <summary>Holds the chord down for <paramref name="duration"/>, then releases it (also when cancelled).</summary>
    Task HoldKeysAsync(string keys, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Types <paramref name="text"/> exactly, whatever the keyboard layout: characters the layout lacks are mapped
    /// onto a spare keycode for the moment. Newline presses Return and tab presses Tab.
    /// </summary>
    /// <param name="text">Any Unicode text.</param>
    /// <param name="delayPerCharacter">Pause between characters (zero types as fast as the server accepts).</param>
    /// <param name="cancellationToken">Stops typing between characters.</param>
    /// <exception cref="UntypeableTextException">The text holds a control character; nothing was typed.</exception>
    Task TypeAsync(string text, TimeSpan delayPerCharacter = default, CancellationToken cancellationToken = default);

    /// <summary>Releases every key and button this input holds down. Safe to call from any thread at any time.</summary>
    void ReleaseAll();

    /// <summary>
    /// Checks, without pressing anything, that every key named in <paramref name="keys"/> (xdotool syntax, chords
    /// separated by spaces) exists on this display: what a dry run checks, exactly as a real run would.
    /// </summary>
    /// <exception cref="KeyNameException">A key name is malformed or unknown; the message names it.</exception>
    void CheckKeys(string keys);

    /// <summary>Checks, without typing anything, that <paramref name="text"/> can be typed (no control characters, no broken Unicode).</summary>
    /// <exception cref="UntypeableTextException">A character cannot be typed; the message names it and its index.</exception>
    void CheckText(string text);

    /// <summary>What the server says is pressed right now (on any client's behalf).</summary>
    InputState QueryState();
}
