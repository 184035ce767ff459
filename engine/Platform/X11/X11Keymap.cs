using System.Runtime.Versioning;
using System.Text;
using Dispatch.Engine.Input;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// The server's keycode → keysym table, and the spare keycodes (those with no keysym) onto which keysyms the
/// layout lacks are bound, two per keycode (plain and shifted), as xdotool does with one. An app looks a key up in
/// the mapping as it is when it handles the key event, which may be long after we sent it; so a slot used since
/// the app last caught up is "dirty" and is not rebound until the caller has waited for the app (see
/// <see cref="TryResolve"/>). Bindings are removed on dispose.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed unsafe class X11Keymap : IDisposable
{
    private readonly X11Connection _connection;
    private readonly Action<int> _binding;
    private readonly int _minKeycode;
    private readonly int _perKeycode;
    private readonly nuint[] _table;
    private readonly List<int> _spareKeycodes = [];
    private readonly LinkedList<(int Keycode, int Level)> _slots = new(); // least recently used first
    private readonly HashSet<(int Keycode, int Level)> _dirty = [];
    private readonly Dictionary<nuint, (int Keycode, int Level)> _lookup = [];

    /// <param name="connection">The display's connection.</param>
    /// <param name="binding">Told of each spare keycode just before it is first bound (to be unbound after a crash).</param>
    public X11Keymap(X11Connection connection, Action<int> binding)
    {
        _connection = connection;
        _binding = binding;
        LibX11.XDisplayKeycodes(connection.Handle, out _minKeycode, out var maxKeycode);
        var count = maxKeycode - _minKeycode + 1;
        var map = LibX11.XGetKeyboardMapping(connection.Handle, (byte)_minKeycode, count, out _perKeycode);
        if (map == null)
        {
            throw new NativeCallException("XGetKeyboardMapping", $"no mapping for keycodes {_minKeycode}..{maxKeycode}");
        }
        try
        {
            _table = new ReadOnlySpan<nuint>(map, count * _perKeycode).ToArray();
        }
        finally
        {
            LibX11.XFree(map);
        }
        for (var i = count - 1; i >= 0; i--)
        {
            var keysyms = _table.AsSpan(i * _perKeycode, _perKeycode);
            if (keysyms.IndexOfAnyExcept((nuint)0) < 0)
            {
                _spareKeycodes.Add(_minKeycode + i);
            }
            else
            {
                // Levels 0 and 1 only (plain and shifted): other levels need modifiers whose keys differ by layout.
                for (var level = Math.Min(1, _perKeycode - 1); level >= 0; level--)
                {
                    if (keysyms[level] != 0)
                    {
                        _lookup[keysyms[level]] = (_minKeycode + i, level);
                    }
                }
            }
        }
        // Plain levels first: a key whose shifted level is empty behaves most predictably across toolkits.
        for (var level = 0; level < Math.Min(2, _perKeycode); level++)
        {
            foreach (var keycode in _spareKeycodes)
            {
                _slots.AddLast((keycode, level));
            }
        }
    }

    /// <summary>Keysyms are 29-bit values (the top three bits of a 32-bit keysym are always zero).</summary>
    private const nuint MaxKeysym = 0x1fffffff;

    /// <summary>Resolves a keysym name (<c>Return</c>, <c>a</c>, <c>F5</c>) or a single character to its keysym.</summary>
    public static nuint KeysymOf(string name)
    {
        var keysym = LibX11.XStringToKeysym(name);
        if (keysym == 0 && name.Length > 1 && char.IsLower(name[0]))
        {
            keysym = LibX11.XStringToKeysym(char.ToUpperInvariant(name[0]) + name[1..]);
        }
        if (keysym == 0 && Rune.TryGetRuneAt(name, 0, out var rune) && rune.Utf16SequenceLength == name.Length)
        {
            keysym = KeysymOf(rune);
        }
        if (keysym == 0 || keysym > MaxKeysym)
        {
            throw new KeyNameException(name,
                $"Unknown key name '{name}'; expected an X keysym name such as 'Return', 'Tab', 'F5', 'Page_Down', 'a', or ctrl, alt, shift, super.");
        }
        return keysym;
    }

    /// <summary>The keysym for a character: Latin-1 keysyms equal the code point; others are 0x01000000 + code point.</summary>
    public static nuint KeysymOf(Rune rune) => rune.Value switch
    {
        '\n' or '\r' => LibX11.XStringToKeysym("Return"),
        '\t' => LibX11.XStringToKeysym("Tab"),
        >= 0x20 and <= 0x7E or >= 0xA0 and <= 0xFF => (nuint)rune.Value,
        _ => (nuint)(0x01000000 + rune.Value),
    };

    public static string NameOf(nuint keysym)
    {
        var name = LibX11.XKeysymToString(keysym);
        return name == null ? $"0x{keysym:x}" : System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)name)!;
    }

    public nuint KeysymAt(int keycode) =>
        keycode >= _minKeycode && (keycode - _minKeycode) * _perKeycode < _table.Length ? _table[(keycode - _minKeycode) * _perKeycode] : 0;

    /// <summary>
    /// The keycode and shift level that produce <paramref name="keysym"/>, binding a spare slot when the layout
    /// lacks it. Returns false when every spare slot was used since <see cref="MarkCaughtUp"/>: the caller must
    /// wait for the app to handle the keys sent so far, call <see cref="MarkCaughtUp"/>, and try again.
    /// </summary>
    public bool TryResolve(nuint keysym, out int keycode, out bool shift)
    {
        if (_lookup.TryGetValue(keysym, out var found))
        {
            Touch(found);
            (keycode, shift) = (found.Keycode, found.Level == 1);
            return true;
        }
        var slot = _slots.FirstOrDefault(s => !_dirty.Contains(s));
        if (_slots.Count == 0)
        {
            throw new DispatchException($"No spare keycode is free to bind keysym {NameOf(keysym)}; the keyboard map uses every keycode.");
        }
        if (slot == default)
        {
            (keycode, shift) = (0, false);
            return false;
        }
        Bind(slot, keysym);
        Touch(slot);
        (keycode, shift) = (slot.Keycode, slot.Level == 1);
        return true;
    }

    /// <summary>Like <see cref="TryResolve"/>, but rebinds the least recently used slot even if the app may not have caught up.</summary>
    public (int Keycode, bool Shift) Resolve(nuint keysym)
    {
        if (!TryResolve(keysym, out var keycode, out var shift))
        {
            MarkCaughtUp();
            TryResolve(keysym, out keycode, out shift);
        }
        return (keycode, shift);
    }

    /// <summary>True when a spare slot was used since the app last caught up.</summary>
    public bool HasPendingBindings => _dirty.Count > 0;

    /// <summary>Every key sent so far has been handled by the app: spare slots may be rebound.</summary>
    public void MarkCaughtUp() => _dirty.Clear();

    private void Touch((int Keycode, int Level) slot)
    {
        var node = _slots.Find(slot);
        if (node is not null)
        {
            _slots.Remove(node);
            _slots.AddLast(node);
            _dirty.Add(slot);
        }
    }

    private void Bind((int Keycode, int Level) slot, nuint keysym)
    {
        var offset = (slot.Keycode - _minKeycode) * _perKeycode;
        if (_table[offset + slot.Level] is var old and not 0 && _lookup.TryGetValue(old, out var owner) && owner == slot)
        {
            _lookup.Remove(old);
        }
        _table[offset + slot.Level] = keysym;
        if (slot.Level == 0 && _perKeycode > 1
            && !(_lookup.TryGetValue(_table[offset + 1], out var shifted) && shifted == (slot.Keycode, 1)))
        {
            // A lone letter keysym would be read as its lowercase form unshifted (core protocol rule), so fill the
            // shifted level with the same keysym until that slot is bound to something of its own.
            _table[offset + 1] = keysym;
        }
        var keysyms = stackalloc nuint[_perKeycode];
        _table.AsSpan(offset, _perKeycode).CopyTo(new Span<nuint>(keysyms, _perKeycode));
        _binding(slot.Keycode);
        X11Errors.Clear();
        LibX11.XChangeKeyboardMapping(_connection.Handle, slot.Keycode, _perKeycode, keysyms, 1);
        _connection.SyncAndCheck("XChangeKeyboardMapping");
        _lookup[keysym] = slot;
    }

    /// <summary>Unbinds every spare keycode this keymap bound.</summary>
    public void Dispose()
    {
        if (_connection.Handle.IsClosed || _connection.Handle.IsLost)
        {
            return;
        }
        var empty = stackalloc nuint[_perKeycode];
        new Span<nuint>(empty, _perKeycode).Clear();
        foreach (var keycode in _spareKeycodes)
        {
            var slots = _table.AsSpan((keycode - _minKeycode) * _perKeycode, _perKeycode);
            if (slots.IndexOfAnyExcept((nuint)0) >= 0)
            {
                LibX11.XChangeKeyboardMapping(_connection.Handle, keycode, _perKeycode, empty, 1);
                slots.Clear();
            }
        }
        LibX11.XSync(_connection.Handle, 0);
    }
}
