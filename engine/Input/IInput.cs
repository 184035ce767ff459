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
    /// Types <paramref name="text"/> exactly, whatever the keyboard layout: characters the layout lacks are bound to
    /// spare keys for the moment, in batches as large as the spare keys allow, and a spare key is rebound only after the
    /// app has read the keys typed with it. Newline presses Return and tab presses Tab.
    /// <para>
    /// Modifier keys another program holds down through XTest (e.g. <c>xdotool keydown shift</c>) are released while
    /// typing and pressed again after it, and Caps Lock is switched off and on again: typing produces the text, not a
    /// shifted or controlled version of it, and the other program finds its keys as it left them. Keys held on a real
    /// keyboard cannot be released by a program; then nothing is typed and the error names them. (Another Dispatch
    /// request's keys are never met: it holds the display's input lock, see <see cref="LockAsync"/>.)
    /// </para>
    /// </summary>
    /// <param name="text">Any Unicode text.</param>
    /// <param name="delayPerCharacter">Pause between characters (zero types as fast as the server accepts).</param>
    /// <param name="cancellationToken">Stops typing between characters.</param>
    /// <returns>How many characters, batches and keymap changes it took.</returns>
    /// <exception cref="UntypeableTextException">The text holds a control character; nothing was typed.</exception>
    /// <exception cref="InputBusyException">Another process kept the display's input for longer than the wait allows, or a person holds a modifier key.</exception>
    Task<TypingReport> TypeAsync(string text, TimeSpan delayPerCharacter = default, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes this display's input for one whole request (a type, a key sequence, a click with keys held) until the
    /// result is disposed: every other Dispatch process's input on the display waits until then, so two commands never
    /// interleave their keys. Input methods called without it take it themselves for their own duration (the
    /// synchronous ones only if it is free at once). Waits at most 30 seconds for another process to finish.
    /// </summary>
    /// <exception cref="InputBusyException">Another process held the input for the whole wait; the message names it.</exception>
    Task<IDisposable> LockAsync(CancellationToken cancellationToken = default);

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
