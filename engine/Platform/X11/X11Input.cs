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

    /// <summary>How long a request waits for another process's request on the same display to finish.</summary>
    private static readonly TimeSpan s_lockTimeout = TimeSpan.FromSeconds(30);

    private readonly X11Connection _connection;
    private readonly X11Keymap _keymap;
    private readonly X11InputLedger _ledger;
    private readonly TimeProvider _time;
    private readonly Func<CancellationToken, Task> _waitForApp;
    private readonly Lock _lock = new();
    private readonly List<int> _keysHeld = [];
    private readonly List<uint> _buttonsHeld = [];
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly string _lockPath;
    private FileLock? _held;
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
            _lockPath = X11InputLedger.InputLockPath(_connection);
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
        using var lease = LeaseNow();
        lock (_lock)
        {
            var modifiers = hold is null ? [] : ResolveChord(hold);
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
        using var lease = await LeaseAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_lock)
            {
                var modifiers = hold is null ? [] : ResolveChord(hold);
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
        var button = direction switch
        {
            ScrollDirection.Up => 4u,
            ScrollDirection.Down => 5u,
            ScrollDirection.Left => 6u,
            ScrollDirection.Right => 7u,
            _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Expected Up, Down, Left or Right."),
        };
        using var lease = LeaseNow();
        lock (_lock)
        {
            var modifiers = hold is null ? [] : ResolveChord(hold);
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
        var parsed = KeyChord.ParseSequence(keys);
        using var lease = LeaseNow();
        lock (_lock)
        {
            var chords = parsed.Select(ResolveChord).ToList();
            var released = ClearModifiers();
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
                Restore(released);
            }
        }
    }

    public async Task HoldKeysAsync(string keys, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var parsed = KeyChord.Parse(keys);
        using var lease = await LeaseAsync(cancellationToken).ConfigureAwait(false);
        List<int> chord;
        lock (_lock)
        {
            chord = ResolveChord(parsed);
        }
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

    public async Task<TypingReport> TypeAsync(string text, TimeSpan delayPerCharacter = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var keysyms = KeysymsOf(text);
        using var lease = await LeaseAsync(cancellationToken).ConfigureAwait(false);
        List<TypingBatch> batches;
        List<int> released;
        int changesBefore;
        int shift;
        lock (_lock)
        {
            // Under the lock: what other processes bound or unbound before is settled, and nothing changes it meanwhile.
            _keymap.Refresh();
            changesBefore = _keymap.Changes;
            batches = TypingBatch.Split([.. keysyms.Select(k => (ulong)k)], k => _keymap.InLayout((nuint)k), _keymap.Capacity);
            shift = _keymap.Resolve(X11Keymap.KeysymOf("Shift_L")).Keycode;
            released = ClearModifiers();
        }
        // Keys typed on spare keys since the app was last waited for: their keys must not be rebound or unbound before it reads them.
        var unread = false;
        try
        {
            foreach (var batch in batches)
            {
                if (batch.Missing.Count > 0)
                {
                    if (unread)
                    {
                        await _waitForApp(cancellationToken).ConfigureAwait(false);
                        unread = false;
                    }
                    lock (_lock)
                    {
                        _keymap.Bind([.. batch.Missing.Select(k => (nuint)k)]);
                    }
                }
                for (var i = batch.Start; i < batch.End; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    lock (_lock)
                    {
                        var (keycode, shifted) = _keymap.Resolve(keysyms[i]);
                        unread |= !_keymap.InLayout(keysyms[i]);
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
                        if (delayPerCharacter > TimeSpan.Zero || i == batch.End - 1)
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
        }
        finally
        {
            if (unread && !_connection.Handle.IsLost)
            {
                // Not cancellable: unbinding before the app read the keys would turn them into other characters or none.
                await _waitForApp(CancellationToken.None).ConfigureAwait(false);
            }
            lock (_lock)
            {
                ReleaseAllLocked();
                if (!_connection.Handle.IsLost)
                {
                    _keymap.Unbind();
                }
                Restore(released);
            }
        }
        return new TypingReport(keysyms.Count, batches.Count, batches.Sum(b => b.Missing.Count), _keymap.Changes - changesBefore,
            [.. released.Select(k => X11Keymap.NameOf(_keymap.KeysymAt(k)))]);
    }

    public async Task<IDisposable> LockAsync(CancellationToken cancellationToken = default)
    {
        // One request at a time in this process (the host's queue serialises them too), then one across processes.
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (held, holder) = await FileLock.TryTakeAsync(_lockPath, s_lockTimeout, _time, cancellationToken).ConfigureAwait(false);
            _held = held ?? throw new InputBusyException(
                $"The input of display '{_connection.Name}' is held by {holder} (lock '{_lockPath}'), which has not finished its request " +
                $"within {s_lockTimeout.TotalSeconds:0} s; expected one type, key or click request at a time on a display.");
            return new InputLease(this);
        }
        catch
        {
            _turn.Release();
            throw;
        }
    }

    /// <summary>The display's input for one asynchronous method, unless the caller already holds it (<see cref="LockAsync"/>).</summary>
    private async Task<IDisposable?> LeaseAsync(CancellationToken cancellationToken) =>
        _held is null ? await LockAsync(cancellationToken).ConfigureAwait(false) : null;

    /// <summary>
    /// The display's input for one synchronous method, unless the caller already holds it: taken only if free at once,
    /// since a synchronous method cannot wait without blocking its thread; callers that may meet another request take
    /// <see cref="LockAsync"/> first.
    /// </summary>
    private InputLease? LeaseNow()
    {
        if (_held is not null)
        {
            return null;
        }
        if (!_turn.Wait(0))
        {
            throw new InputBusyException($"The input of display '{_connection.Name}' is in use by another request of this process; expected one request at a time.");
        }
        try
        {
            _held = FileLock.TryTake(_lockPath, out var holder) ?? throw new InputBusyException(
                $"The input of display '{_connection.Name}' is held by {holder} (lock '{_lockPath}'); take it with LockAsync to wait for its request to finish.");
            return new InputLease(this);
        }
        catch
        {
            _turn.Release();
            throw;
        }
    }

    private void EndLease()
    {
        _held?.Dispose();
        _held = null;
        _turn.Release();
    }

    /// <summary>Ends a request's hold on the display's input, once.</summary>
    private sealed class InputLease(X11Input input) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                input.EndLease();
            }
        }
    }

    /// <summary>
    /// Releases the modifier keys held down that this input did not press (another program's XTest keys), and switches
    /// Caps Lock off, so that keys type their plain and shifted symbols; returns the keycodes to press again afterwards
    /// (Caps Lock's as the last, negative). A key still down after its release is on a real keyboard, which no program
    /// can release: then what was released is restored and the request refused.
    /// </summary>
    private unsafe List<int> ClearModifiers()
    {
        var modifiers = ModifierKeycodes();
        var down = KeysDown().Where(k => modifiers.Contains(k) && !_keysHeld.Contains(k)).ToList();
        foreach (var keycode in down)
        {
            LibXtst.XTestFakeKeyEvent(_connection.Handle, (uint)keycode, 0, 0);
        }
        Sync();
        var still = KeysDown().Where(down.Contains).ToList();
        if (still.Count > 0)
        {
            Restore(down.Except(still).ToList());
            throw new InputBusyException(
                $"The modifier key(s) {string.Join(", ", still.Select(k => X11Keymap.NameOf(_keymap.KeysymAt(k))))} are held down on display '{_connection.Name}' " +
                "on a keyboard (not by a program, so they cannot be released for it); what was typed would come out modified. Expected them released; nothing was typed.");
        }
        LibX11.XQueryPointer(_connection.Handle, _connection.Root, out _, out _, out _, out _, out _, out _, out var mask);
        if ((mask & LibX11.LockMask) != 0)
        {
            var capsLock = _keymap.Resolve(X11Keymap.KeysymOf("Caps_Lock")).Keycode;
            LibXtst.XTestFakeKeyEvent(_connection.Handle, (uint)capsLock, 1, 0);
            LibXtst.XTestFakeKeyEvent(_connection.Handle, (uint)capsLock, 0, 0);
            Sync();
            down.Add(-capsLock);
        }
        return down;
    }

    /// <summary>Presses again what <see cref="ClearModifiers"/> released (not recorded in the ledger: these keys are another program's).</summary>
    private void Restore(List<int> released)
    {
        if (released.Count == 0 || _connection.Handle.IsLost)
        {
            return;
        }
        foreach (var keycode in released)
        {
            LibXtst.XTestFakeKeyEvent(_connection.Handle, (uint)Math.Abs(keycode), 1, 0);
            if (keycode < 0)
            {
                LibXtst.XTestFakeKeyEvent(_connection.Handle, (uint)-keycode, 0, 0);
            }
        }
        Sync();
    }

    private unsafe List<int> KeysDown()
    {
        var bits = stackalloc byte[32];
        LibX11.XQueryKeymap(_connection.Handle, bits);
        var down = new List<int>();
        for (var keycode = 8; keycode < 256; keycode++)
        {
            if ((bits[keycode / 8] & (1 << (keycode % 8))) != 0)
            {
                down.Add(keycode);
            }
        }
        return down;
    }

    private unsafe HashSet<int> ModifierKeycodes()
    {
        var map = LibX11.XGetModifierMapping(_connection.Handle);
        if (map == null)
        {
            throw new NativeCallException("XGetModifierMapping", $"display '{_connection.Name}' gave no modifier map");
        }
        try
        {
            return [.. new ReadOnlySpan<byte>(map->modifiermap, 8 * map->max_keypermod).ToArray().Where(k => k != 0).Select(k => (int)k)];
        }
        finally
        {
            LibX11.XFreeModifiermap(map);
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

    public InputState QueryState()
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
            var keys = KeysDown().Select(k => _keymap.KeysymAt(k) is var keysym and not 0 ? X11Keymap.NameOf(keysym) : $"keycode {k}").ToList();
            return new InputState(new Point(x, y), buttons, keys);
        }
    }

    /// <summary>The chord's keycodes; keys the layout lacks are bound to spare keys until the next typing ends or this input is disposed.</summary>
    private List<int> ResolveChord(KeyChord chord)
    {
        var keysyms = chord.Keys.Select(X11Keymap.KeysymOf).ToList();
        _keymap.BindAlso(keysyms);
        return keysyms.Select(k => _keymap.Resolve(k).Keycode).ToList();
    }

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
            if (_keymap.HasBindings && !_connection.Handle.IsLost)
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
            _held?.Dispose();
            _turn.Dispose();
        }
    }
}
