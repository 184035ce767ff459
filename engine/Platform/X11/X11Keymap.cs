using System.Runtime.Versioning;
using System.Text;
using Dispatch.Engine.Input;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// The server's keycode → keysym table, and the spare keycodes (those with no keysym) onto which a keysym the
/// layout lacks is bound for the moment, as xdotool does. Spare bindings stay until the least recently used one
/// is needed again (an app reads the mapping when it handles MappingNotify, possibly after our next change), and
/// are removed on dispose.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed unsafe class X11Keymap : IDisposable
{
    private readonly X11Connection _connection;
    private readonly int _minKeycode;
    private readonly int _perKeycode;
    private readonly nuint[] _table;
    private readonly LinkedList<int> _spares = new(); // least recently used first
    private readonly Dictionary<nuint, (int Keycode, int Level)> _lookup = [];

    public X11Keymap(X11Connection connection)
    {
        _connection = connection;
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
                _spares.AddLast(_minKeycode + i);
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
    }

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
        if (keysym == 0)
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

    /// <summary>The keycode and shift level that produce <paramref name="keysym"/>, binding a spare keycode when the layout lacks it.</summary>
    public (int Keycode, bool Shift) Resolve(nuint keysym)
    {
        if (_lookup.TryGetValue(keysym, out var found))
        {
            var node = _spares.Find(found.Keycode);
            if (node is not null)
            {
                _spares.Remove(node);
                _spares.AddLast(node);
            }
            return (found.Keycode, found.Level == 1);
        }
        return (Bind(keysym), false);
    }

    private int Bind(nuint keysym)
    {
        if (_spares.First is not { } oldest)
        {
            throw new DispatchException($"No spare keycode is free to bind keysym {NameOf(keysym)}; the keyboard map uses every keycode.");
        }
        var keycode = oldest.Value;
        _spares.RemoveFirst();
        _spares.AddLast(keycode);
        var slot = (keycode - _minKeycode) * _perKeycode;
        if (_table[slot] != 0)
        {
            _lookup.Remove(_table[slot]);
        }
        // Same keysym at both levels so that a held Shift does not change what the key types.
        var keysyms = stackalloc nuint[_perKeycode];
        new Span<nuint>(keysyms, _perKeycode).Clear();
        keysyms[0] = keysym;
        if (_perKeycode > 1)
        {
            keysyms[1] = keysym;
        }
        X11Errors.Clear();
        LibX11.XChangeKeyboardMapping(_connection.Handle, keycode, _perKeycode, keysyms, 1);
        _connection.SyncAndCheck("XChangeKeyboardMapping");
        new Span<nuint>(keysyms, _perKeycode).CopyTo(_table.AsSpan(slot, _perKeycode));
        _lookup[keysym] = (keycode, 0);
        return keycode;
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
        foreach (var keycode in _spares)
        {
            var slot = (keycode - _minKeycode) * _perKeycode;
            if (_table[slot] != 0)
            {
                LibX11.XChangeKeyboardMapping(_connection.Handle, keycode, _perKeycode, empty, 1);
                _table[slot] = 0;
            }
        }
        LibX11.XSync(_connection.Handle, 0);
    }
}
