using System.Runtime.Versioning;
using System.Text;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Input;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>Mouse and keyboard through XTEST on a connection of its own; every press is tracked so it can be released.</summary>
[SupportedOSPlatform("linux")]
internal sealed class X11Input : IInput
{
    private const int DragSteps = 20;

    private readonly X11Connection _connection;
    private readonly X11Keymap _keymap;
    private readonly X11InputLedger _ledger;
    private readonly TimeProvider _time;
    private readonly Func<CancellationToken, Task> _waitForApp;
    private readonly Lock _lock = new();
    private readonly List<int> _keysHeld = [];
    private readonly List<uint> _buttonsHeld = [];
    private bool _disposed;

    /// <param name="displayName">The display; null for <c>$DISPLAY</c>.</param>
    /// <param name="time">The clock for delays.</param>
    /// <param name="waitForApp">
    /// Waits until the focused app has handled the keys sent so far (the screen has settled), before spare
    /// keycodes are rebound while typing long runs of characters the layout lacks.
    /// </param>
    public X11Input(string? displayName, TimeProvider time, Func<CancellationToken, Task> waitForApp)
    {
        _time = time;
        _waitForApp = waitForApp;
        _connection = X11Connection.Open(displayName);
        try
        {
            if (LibXtst.XTestQueryExtension(_connection.Handle, out _, out _, out _, out _) == 0)
            {
                throw new DisplayUnavailableException(_connection.Name, $"Display '{_connection.Name}' lacks the XTEST extension, so input cannot be synthesised.");
            }
            // Before reading the keymap: a killed Dispatch may have left keys held and spare keycodes bound here.
            _ledger = X11InputLedger.Open(_connection);
            _keymap = new X11Keymap(_connection, _ledger.Binding);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    public Point PointerPosition
    {
        get
        {
            lock (_lock)
            {
                _connection.ThrowIfLost();
                LibX11.XQueryPointer(_connection.Handle, _connection.Root, out _, out _, out var x, out var y, out _, out _, out _);
                return new Point(x, y);
            }
        }
    }

    public void MoveMouse(Point to)
    {
        CheckOnScreen(to, nameof(to));
        lock (_lock)
        {
            Move(to);
            Sync();
        }
    }

    public void Click(Point? at, MouseButton button = MouseButton.Left, int count = 1, KeyChord? hold = null)
    {
        if (count is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A click count must be 1 (single), 2 (double) or 3 (triple).");
        }
        if (at is { } point)
        {
            CheckOnScreen(point, nameof(at));
        }
        var modifiers = hold is null ? [] : ResolveChord(hold);
        lock (_lock)
        {
            try
            {
                if (at is { } target)
                {
                    Move(target);
                }
                PressAll(modifiers);
                for (var i = 0; i < count; i++)
                {
                    Button(ButtonNumber(button), press: true);
                    Button(ButtonNumber(button), press: false);
                }
            }
            finally
            {
                ReleaseAllLocked();
            }
        }
    }

    public void ButtonDown(MouseButton button, Point? at = null) => SetButton(button, at, press: true);

    public void ButtonUp(MouseButton button, Point? at = null) => SetButton(button, at, press: false);

    private void SetButton(MouseButton button, Point? at, bool press)
    {
        if (at is { } point)
        {
            CheckOnScreen(point, nameof(at));
        }
        lock (_lock)
        {
            if (at is { } target)
            {
                Move(target);
            }
            Button(ButtonNumber(button), press);
            Sync();
        }
    }

    public async Task DragAsync(Point from, Point to, TimeSpan duration, KeyChord? hold = null, CancellationToken cancellationToken = default)
    {
        CheckOnScreen(from, nameof(from));
        CheckOnScreen(to, nameof(to));
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var modifiers = hold is null ? [] : ResolveChord(hold);
        try
        {
            lock (_lock)
            {
                Move(from);
                PressAll(modifiers);
                Button(1, press: true);
                Sync();
            }
            // Intermediate motion lets toolkits see a drag rather than a jump (GTK needs a few pixels of travel).
            for (var step = 1; step <= DragSteps; step++)
            {
                if (duration > TimeSpan.Zero)
                {
                    await Task.Delay(duration / DragSteps, _time, cancellationToken).ConfigureAwait(false);
                }
                cancellationToken.ThrowIfCancellationRequested();
                lock (_lock)
                {
                    if (!_buttonsHeld.Contains(1u))
                    {
                        // Released by an emergency stop.
                        throw new OperationCanceledException("The drag was stopped: its button was released.");
                    }
                    Move(new Point(from.X + (to.X - from.X) * step / DragSteps, from.Y + (to.Y - from.Y) * step / DragSteps));
                    Sync();
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                ReleaseAllLocked();
            }
        }
    }

    public void Scroll(Point? at, ScrollDirection direction, int amount, KeyChord? hold = null)
    {
        if (amount is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A scroll amount must be 1..100 wheel clicks.");
        }
        if (at is { } point)
        {
            CheckOnScreen(point, nameof(at));
        }
        var modifiers = hold is null ? [] : ResolveChord(hold);
        var button = direction switch
        {
            ScrollDirection.Up => 4u,
            ScrollDirection.Down => 5u,
            ScrollDirection.Left => 6u,
            ScrollDirection.Right => 7u,
            _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Expected Up, Down, Left or Right."),
        };
        lock (_lock)
        {
            try
            {
                if (at is { } target)
                {
                    Move(target);
                }
                PressAll(modifiers);
                for (var i = 0; i < amount; i++)
                {
                    Button(button, press: true);
                    Button(button, press: false);
                }
            }
            finally
            {
                ReleaseAllLocked();
            }
        }
    }

    public void PressKeys(string keys)
    {
        var chords = KeyChord.ParseSequence(keys).Select(ResolveChord).ToList();
        lock (_lock)
        {
            try
            {
                foreach (var chord in chords)
                {
                    PressAll(chord);
                    ReleaseKeysLocked();
                }
            }
            finally
            {
                ReleaseAllLocked();
            }
        }
    }

    public async Task HoldKeysAsync(string keys, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var chord = ResolveChord(KeyChord.Parse(keys));
        try
        {
            lock (_lock)
            {
                PressAll(chord);
                Sync();
            }
            await Task.Delay(duration, _time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_lock)
            {
                ReleaseAllLocked();
            }
        }
    }

    public async Task TypeAsync(string text, TimeSpan delayPerCharacter = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var keysyms = KeysymsOf(text);
        var shift = _keymap.Resolve(X11Keymap.KeysymOf("Shift_L")).Keycode;
        try
        {
            for (var i = 0; i < keysyms.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int keycode;
                bool shifted;
                lock (_lock)
                {
                    if (!_keymap.TryResolve(keysyms[i], out keycode, out shifted))
                    {
                        Sync();
                    }
                }
                if (keycode == 0)
                {
                    // Every spare keycode carries a character the app may not have read yet: let it catch up before rebinding.
                    await _waitForApp(cancellationToken).ConfigureAwait(false);
                    lock (_lock)
                    {
                        _keymap.MarkCaughtUp();
                        _keymap.TryResolve(keysyms[i], out keycode, out shifted);
                    }
                }
                lock (_lock)
                {
                    if (shifted)
                    {
                        Key(shift, press: true);
                    }
                    Key(keycode, press: true);
                    Key(keycode, press: false);
                    if (shifted)
                    {
                        Key(shift, press: false);
                    }
                    if (delayPerCharacter > TimeSpan.Zero || i == keysyms.Count - 1)
                    {
                        Sync();
                    }
                }
                if (delayPerCharacter > TimeSpan.Zero && i < keysyms.Count - 1)
                {
                    await Task.Delay(delayPerCharacter, _time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                ReleaseAllLocked();
            }
        }
    }

    /// <summary>Checks the whole text before anything is typed, so a bad character types nothing.</summary>
    private static List<nuint> KeysymsOf(string text)
    {
        var keysyms = new List<nuint>(text.Length);
        var index = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                throw new UntypeableTextException(text, index, $"The text has a broken UTF-16 surrogate at index {index}; expected valid Unicode text.");
            }
            if (rune.Value == '\r' && index + 1 < text.Length && text[index + 1] == '\n')
            {
                index += consumed; // "\r\n" is one line break
                continue;
            }
            if (Rune.IsControl(rune) && rune.Value is not ('\n' or '\r' or '\t'))
            {
                throw new UntypeableTextException(text, index,
                    $"The text has control character U+{rune.Value:X4} at index {index}, which no key types; expected printable text, newlines and tabs.");
            }
            keysyms.Add(X11Keymap.KeysymOf(rune));
            index += consumed;
        }
        return keysyms;
    }

    public void ReleaseAll()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                ReleaseAllLocked();
            }
        }
    }

    public void CheckKeys(string keys)
    {
        foreach (var chord in KeyChord.ParseSequence(keys))
        {
            foreach (var name in chord.Keys)
            {
                X11Keymap.KeysymOf(name);
            }
        }
    }

    public void CheckText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        KeysymsOf(text);
    }

    public unsafe InputState QueryState()
    {
        lock (_lock)
        {
            _connection.ThrowIfLost();
            LibX11.XQueryPointer(_connection.Handle, _connection.Root, out _, out _, out var x, out var y, out _, out _, out var mask);
            var buttons = new List<MouseButton>();
            if ((mask & (1 << 8)) != 0)
            {
                buttons.Add(MouseButton.Left);
            }
            if ((mask & (1 << 9)) != 0)
            {
                buttons.Add(MouseButton.Middle);
            }
            if ((mask & (1 << 10)) != 0)
            {
                buttons.Add(MouseButton.Right);
            }
            var bits = stackalloc byte[32];
            LibX11.XQueryKeymap(_connection.Handle, bits);
            var keys = new List<string>();
            for (var keycode = 8; keycode < 256; keycode++)
            {
                if ((bits[keycode / 8] & (1 << (keycode % 8))) != 0)
                {
                    var keysym = _keymap.KeysymAt(keycode);
                    keys.Add(keysym == 0 ? $"keycode {keycode}" : X11Keymap.NameOf(keysym));
                }
            }
            return new InputState(new Point(x, y), buttons, keys);
        }
    }

    private List<int> ResolveChord(KeyChord chord) =>
        chord.Keys.Select(name => _keymap.Resolve(X11Keymap.KeysymOf(name)).Keycode).ToList();

    private void PressAll(List<int> keycodes)
    {
        foreach (var keycode in keycodes)
        {
            Key(keycode, press: true);
        }
    }

    private void Key(int keycode, bool press)
    {
        _connection.ThrowIfLost();
        if (press)
        {
            _ledger.Pressing(keycode);
        }
        LibXtst.XTestFakeKeyEvent(_connection.Handle, (uint)keycode, press ? 1 : 0, 0);
        if (press)
        {
            _keysHeld.Add(keycode);
        }
        else
        {
            _keysHeld.Remove(keycode);
        }
    }

    private void Button(uint button, bool press)
    {
        _connection.ThrowIfLost();
        if (press)
        {
            _ledger.Pressing(button);
        }
        LibXtst.XTestFakeButtonEvent(_connection.Handle, button, press ? 1 : 0, 0);
        if (press)
        {
            _buttonsHeld.Add(button);
        }
        else
        {
            _buttonsHeld.Remove(button);
        }
    }

    private void Move(Point to)
    {
        _connection.ThrowIfLost();
        LibXtst.XTestFakeMotionEvent(_connection.Handle, _connection.Screen, to.X, to.Y, 0);
    }

    private void ReleaseKeysLocked()
    {
        for (var i = _keysHeld.Count - 1; i >= 0; i--)
        {
            LibXtst.XTestFakeKeyEvent(_connection.Handle, (uint)_keysHeld[i], 0, 0);
        }
        _keysHeld.Clear();
    }

    private void ReleaseAllLocked()
    {
        if (_connection.Handle.IsLost)
        {
            // The server is gone and with it every key it thought held.
            _keysHeld.Clear();
            _buttonsHeld.Clear();
            return;
        }
        for (var i = _buttonsHeld.Count - 1; i >= 0; i--)
        {
            LibXtst.XTestFakeButtonEvent(_connection.Handle, _buttonsHeld[i], 0, 0);
        }
        _buttonsHeld.Clear();
        ReleaseKeysLocked();
        Sync();
        _ledger.ReleasedAll();
    }

    private void Sync()
    {
        LibX11.XSync(_connection.Handle, 0);
        _connection.ThrowIfLost();
    }

    private static uint ButtonNumber(MouseButton button) => button switch
    {
        MouseButton.Left => 1,
        MouseButton.Middle => 2,
        MouseButton.Right => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(button), button, "Expected Left, Middle or Right."),
    };

    private void CheckOnScreen(Point point, string parameter)
    {
        if (!_connection.Bounds.Contains(point))
        {
            throw new ArgumentOutOfRangeException(parameter, point, $"The point {point} is off the screen; expected 0 <= x < {_connection.Size.Width} and 0 <= y < {_connection.Size.Height}.");
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            try
            {
                ReleaseAllLocked();
            }
            catch (DisplayUnavailableException) when (_connection.Handle.IsLost)
            {
                // The server went away, and every key and button held on it with it: there is nothing left to release.
            }
            _disposed = true;
            if (_keymap.HasPendingBindings && !_connection.Handle.IsLost)
            {
                // The app may not have read the keys typed on spare keycodes yet; unbinding now would turn them into
                // nothing (a one-shot `dispatch type` exits right after typing). Let it catch up first (bounded).
                _waitForApp(CancellationToken.None).GetAwaiter().GetResult();
            }
            _keymap.Dispose();
            if (!_connection.Handle.IsLost)
            {
                // Released and unbound: nothing left for a later process to clean up.
                _ledger.Dispose();
            }
            _connection.Dispose();
        }
    }
}
