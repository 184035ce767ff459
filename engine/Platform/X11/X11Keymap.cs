using System.Runtime.Versioning;
using System.Text;
using Dispatch.Engine.Input;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// The server's keycode → keysym table, and the spare keycodes (those with no keysym) onto which keysyms the layout
/// lacks are bound, two per keycode (plain and shifted), as xdotool does with one.
/// <para>
/// An app looks a key up in the mapping as it is when it <em>handles</em> the key event, which may be long after it was
/// sent; so a spare key must not be rebound until the app has read every key typed with its old binding. Typing
/// therefore goes in batches (<see cref="Dispatch.Engine.Input.TypingBatch"/>): <see cref="Bind"/> binds all the
/// symbols of a batch in one request, the batch is typed, the caller waits for the app, and only then binds the next.
/// </para>
/// <para>
/// Each binding is one <c>XkbChangeMap</c> over the range of keys it touches — one MappingNotify for every client —
/// where core <c>XChangeKeyboardMapping</c> would need one request (and one notification, which window managers answer
/// by re-reading their key grabs) per run of adjacent spare keys: Xvfb's 19 spare keys are scattered over 18 runs. XKB
/// sends the keys in between with their full XKB maps unchanged; the core request would rewrite them from their core
/// view, which loses levels and types of real layouts.
/// </para>
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed unsafe class X11Keymap : IDisposable
{
    private readonly X11Connection _connection;
    private readonly Action<int> _binding;
    private readonly int _minKeycode;
    private readonly int _maxKeycode;
    private readonly Dictionary<nuint, (int Keycode, int Level)> _layout = [];
    private readonly Dictionary<nuint, (int Keycode, int Level)> _bound = [];
    private readonly HashSet<int> _ours = [];
    private readonly List<int> _spareKeycodes = [];
    private int _perKeycode;
    private nuint[] _table = [];

    /// <param name="connection">The display's connection.</param>
    /// <param name="binding">Told of each spare keycode just before it is first bound (to be unbound after a crash).</param>
    public X11Keymap(X11Connection connection, Action<int> binding)
    {
        _connection = connection;
        _binding = binding;
        LibX11.XDisplayKeycodes(connection.Handle, out _minKeycode, out _maxKeycode);
        Refresh();
    }

    /// <summary>How many keymap changes this keymap has made (each one request and one MappingNotify).</summary>
    public int Changes { get; private set; }

    /// <summary>How many symbols can be bound at once: the spare keys, plain and shifted.</summary>
    public int Capacity => _spareKeycodes.Count * Math.Min(2, _perKeycode);

    /// <summary>
    /// Reads the server's table again: another process (or a person's <c>setxkbmap</c>) may have changed it since. Spare
    /// keys are those with no keysym, and those this keymap bound.
    /// </summary>
    public void Refresh()
    {
        var count = _maxKeycode - _minKeycode + 1;
        (_table, _perKeycode) = ReadMapping(_connection, _minKeycode, _maxKeycode);
        _layout.Clear();
        _spareKeycodes.Clear();
        for (var i = count - 1; i >= 0; i--)
        {
            var keycode = _minKeycode + i;
            var keysyms = _table.AsSpan(i * _perKeycode, _perKeycode);
            if (_ours.Contains(keycode) || keysyms.IndexOfAnyExcept((nuint)0) < 0)
            {
                _spareKeycodes.Add(keycode);
                continue;
            }
            // Levels 0 and 1 only (plain and shifted): other levels need modifiers whose keys differ by layout.
            for (var level = Math.Min(1, _perKeycode - 1); level >= 0; level--)
            {
                if (keysyms[level] != 0)
                {
                    _layout[keysyms[level]] = (keycode, level);
                }
            }
        }
        _spareKeycodes.Reverse();
    }

    /// <summary>The server's keysyms for keycodes <paramref name="minKeycode"/>..<paramref name="maxKeycode"/>, <c>PerKeycode</c> per key.</summary>
    public static (nuint[] Table, int PerKeycode) ReadMapping(X11Connection connection, int minKeycode, int maxKeycode)
    {
        var map = LibX11.XGetKeyboardMapping(connection.Handle, (byte)minKeycode, maxKeycode - minKeycode + 1, out var perKeycode);
        if (map == null)
        {
            throw new NativeCallException("XGetKeyboardMapping", $"no mapping for keycodes {minKeycode}..{maxKeycode}");
        }
        try
        {
            return (new ReadOnlySpan<nuint>(map, (maxKeycode - minKeycode + 1) * perKeycode).ToArray(), perKeycode);
        }
        finally
        {
            LibX11.XFree(map);
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

    /// <summary>True when a key of the layout (not a spare key bound by us) types <paramref name="keysym"/>.</summary>
    public bool InLayout(nuint keysym) => _layout.ContainsKey(keysym);

    /// <summary>The keycode and shift level that type <paramref name="keysym"/>: a key of the layout, or one bound by <see cref="Bind"/>.</summary>
    /// <exception cref="InvalidOperationException">The keysym is neither in the layout nor bound.</exception>
    public (int Keycode, bool Shift) Resolve(nuint keysym) =>
        _layout.TryGetValue(keysym, out var found) || _bound.TryGetValue(keysym, out found)
            ? (found.Keycode, found.Level == 1)
            : throw new InvalidOperationException($"The keysym {NameOf(keysym)} is neither in the layout nor bound to a spare key; bind it first.");

    /// <summary>
    /// Makes the spare keys type exactly <paramref name="keysyms"/> (at most <see cref="Capacity"/>, none in the layout),
    /// in one keymap change: a symbol already bound keeps its key, the others take keys no longer needed. The caller must
    /// have waited for the app to read every key typed with the bindings this replaces.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">More symbols than <see cref="Capacity"/>.</exception>
    public void Bind(IReadOnlyCollection<nuint> keysyms)
    {
        ArgumentNullException.ThrowIfNull(keysyms);
        if (keysyms.Count > Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(keysyms), keysyms.Count,
                $"{keysyms.Count} symbols cannot be bound at once; the keyboard map has {_spareKeycodes.Count} spare keys for {Capacity}.");
        }
        var wanted = keysyms.ToHashSet();
        var next = _bound.Where(b => wanted.Contains(b.Key)).ToDictionary();
        var taken = next.Values.ToHashSet();
        // Plain levels first: a key whose shifted level carries its plain symbol behaves most predictably across toolkits.
        var free = new Queue<(int Keycode, int Level)>(
            Enumerable.Range(0, Math.Min(2, _perKeycode)).SelectMany(level => _spareKeycodes.Select(k => (k, level))).Where(s => !taken.Contains(s)));
        foreach (var keysym in keysyms.Where(k => !next.ContainsKey(k)))
        {
            next[keysym] = free.Dequeue();
        }
        var rows = new Dictionary<int, (nuint Plain, nuint Shifted)>();
        foreach (var keycode in _ours.Concat(next.Values.Select(s => s.Keycode)))
        {
            rows[keycode] = (0, 0);
        }
        foreach (var (keysym, slot) in next)
        {
            rows[slot.Keycode] = slot.Level == 0 ? (keysym, rows[slot.Keycode].Shifted) : (rows[slot.Keycode].Plain, keysym);
        }
        var changed = rows.Where(r => Row(r.Key) != Filled(r.Value)).ToDictionary(r => r.Key, r => Filled(r.Value));
        _bound.Clear();
        foreach (var (keysym, slot) in next)
        {
            _bound[keysym] = slot;
        }
        if (changed.Count == 0)
        {
            return;
        }
        foreach (var (keycode, row) in changed)
        {
            if (row.Plain != 0 && _ours.Add(keycode))
            {
                _binding(keycode);
            }
        }
        Apply(changed);
        foreach (var keycode in changed.Where(c => c.Value.Plain == 0).Select(c => c.Key))
        {
            _ours.Remove(keycode);
        }
    }

    /// <summary>True while a spare key is bound.</summary>
    public bool HasBindings => _ours.Count > 0;

    /// <summary>Binds, in addition to what is bound, the symbols of <paramref name="keysyms"/> the layout lacks (keys named in a chord).</summary>
    public void BindAlso(IEnumerable<nuint> keysyms)
    {
        var missing = keysyms.Where(k => !_layout.ContainsKey(k) && !_bound.ContainsKey(k)).Distinct().ToList();
        if (missing.Count > 0)
        {
            Bind([.. _bound.Keys.Take(Capacity - missing.Count), .. missing]);
        }
    }

    /// <summary>Unbinds every spare key this keymap bound (one keymap change, none when nothing is bound).</summary>
    public void Unbind() => Bind([]);

    /// <summary>A key with only one level bound carries the same symbol on the other, so it types that symbol either way.</summary>
    private static (nuint Plain, nuint Shifted) Filled((nuint Plain, nuint Shifted) row) =>
        (row.Plain == 0 ? row.Shifted : row.Plain, row.Shifted == 0 ? row.Plain : row.Shifted);

    private (nuint Plain, nuint Shifted) Row(int keycode)
    {
        var offset = (keycode - _minKeycode) * _perKeycode;
        return (_table[offset], _perKeycode > 1 ? _table[offset + 1] : 0);
    }

    /// <summary>Writes the rows (both zero: unbound) in one XkbChangeMap over the range of keys they span.</summary>
    private void Apply(Dictionary<int, (nuint Plain, nuint Shifted)> rows)
    {
        _connection.ThrowIfLost();
        var xkb = LibX11.XkbGetMap(_connection.Handle, LibX11.XkbKeyTypesMask | LibX11.XkbKeySymsMask, LibX11.XkbUseCoreKbd);
        if (xkb == null)
        {
            throw new NativeCallException("XkbGetMap", $"display '{_connection.Name}' gave no XKB keyboard map");
        }
        try
        {
            var types = stackalloc int[LibX11.XkbNumKbdGroups];
            new Span<int>(types, LibX11.XkbNumKbdGroups).Fill(LibX11.XkbTwoLevelIndex);
            LibX11.XkbMapChanges scratch = default;
            foreach (var (keycode, (plain, shifted)) in rows)
            {
                var groups = plain == 0 ? 0 : 1;
                var status = LibX11.XkbChangeTypesOfKey(xkb, keycode, groups, LibX11.XkbGroup1Mask, groups == 0 ? null : types, &scratch);
                if (status != LibX11.Success)
                {
                    throw new NativeCallException("XkbChangeTypesOfKey", $"status {status} for keycode {keycode}");
                }
                if (groups == 1)
                {
                    var syms = LibX11.XkbResizeKeySyms(xkb, keycode, 2);
                    if (syms == null)
                    {
                        throw new NativeCallException("XkbResizeKeySyms", $"no room for two keysyms on keycode {keycode}");
                    }
                    (syms[0], syms[1]) = (plain, shifted);
                }
                var row = _table.AsSpan((keycode - _minKeycode) * _perKeycode, _perKeycode);
                row.Clear();
                row[0] = plain;
                if (_perKeycode > 1)
                {
                    row[1] = shifted;
                }
            }
            // Only the key symbols of the range, whatever XkbChangeTypesOfKey noted: this map was read without actions.
            var changes = new LibX11.XkbMapChanges
            {
                changed = (ushort)LibX11.XkbKeySymsMask,
                first_key_sym = (byte)rows.Keys.Min(),
                num_key_syms = (byte)(rows.Keys.Max() - rows.Keys.Min() + 1),
            };
            X11Errors.Clear();
            LibX11.XkbChangeMap(_connection.Handle, xkb, &changes);
            _connection.SyncAndCheck("XkbChangeMap");
            Changes++;
        }
        finally
        {
            LibX11.XkbFreeKeyboard(xkb, 0, 1);
        }
    }

    /// <summary>Unbinds every spare keycode this keymap bound.</summary>
    public void Dispose()
    {
        if (_connection.Handle.IsClosed || _connection.Handle.IsLost || _ours.Count == 0)
        {
            return;
        }
        Unbind();
    }
}
