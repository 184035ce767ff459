using System.Globalization;
using System.Text;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Input;

namespace Dispatch.Engine.Safety;

/// <summary>
/// Whether a keyboard action (<c>key</c>, <c>hold_key</c>, <c>type</c>) can activate a control, and how: the most
/// activating of its keys, whether the focus may have moved before it (another key first, a second activation, a held
/// key repeating), the mnemonic letter, and whether it types characters. Keys are judged by what X makes of their
/// names — any case, keysym numbers (<c>0xff0d</c>) and <c>Uxxxx</c> forms included — and a key it does not know
/// counts as one that may do anything.
/// </summary>
/// <param name="Kind">The most activating input found.</param>
/// <param name="FocusMayMove">The focused element may not be what it presses: another key comes first, it activates more than once, or it repeats while held.</param>
/// <param name="Mnemonic">The letter or digit of an alt+letter mnemonic, lower case.</param>
/// <param name="Characters">The printable characters it types, as far as they are known (what makes typing into a password field secret).</param>
/// <param name="SessionKey">A key that ends or leaves the session (Terminate_Server, ctrl+alt+Delete, power, sleep, a VT switch), or null.</param>
public sealed record InputActivation(ActivationKind Kind, bool FocusMayMove, char? Mnemonic, string Characters, string? SessionKey = null)
{
    /// <summary>A Delete key is pressed (with any modifiers): it deletes what is selected where the focus is not text.</summary>
    public bool PressesDelete { get; init; }

    /// <summary>ctrl+o is pressed: readline runs the line with it (operate-and-get-next), as with Return.</summary>
    public bool RunsLine { get; init; }

    private static readonly HashSet<string> s_confirmKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Return", "KP_Enter", "ISO_Enter", "Linefeed", "3270_Enter", "Execute", "KP_Execute", "Select", "enter",
    };

    private static readonly HashSet<string> s_pressKeys = new(StringComparer.OrdinalIgnoreCase) { "space", "KP_Space", "nobreakspace" };

    private static readonly HashSet<string> s_moveKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Tab", "ISO_Left_Tab", "KP_Tab", "Up", "Down", "Left", "Right", "KP_Up", "KP_Down", "KP_Left", "KP_Right",
    };

    private static readonly HashSet<string> s_inertKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Escape", "Home", "End", "Prior", "Next", "Page_Up", "Page_Down", "Begin", "Insert", "KP_Home", "KP_End", "KP_Prior", "KP_Next",
        "KP_Page_Up", "KP_Page_Down", "KP_Begin", "KP_Insert", "Caps_Lock", "Num_Lock", "Scroll_Lock", "Shift_Lock", "Menu", "Print", "Pause",
        "Break", "Cancel", "Help", "Find", "Undo", "Redo",
    };

    private static readonly HashSet<string> s_actingKeys = new(StringComparer.OrdinalIgnoreCase) { "Delete", "KP_Delete", "BackSpace", "Clear" };

    private static readonly HashSet<string> s_mnemonicModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "Alt_L", "Alt_R", "Meta_L", "Meta_R", "Super_L", "Super_R", "Hyper_L", "Hyper_R",
    };

    /// <summary>X's names of printable keys that are not a single character.</summary>
    private static readonly HashSet<string> s_printableNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "exclam", "quotedbl", "numbersign", "dollar", "percent", "ampersand", "apostrophe", "quoteright", "parenleft", "parenright",
        "asterisk", "plus", "comma", "minus", "period", "slash", "colon", "semicolon", "less", "equal", "greater", "question", "at",
        "bracketleft", "backslash", "bracketright", "asciicircum", "underscore", "grave", "quoteleft", "braceleft", "bar", "braceright",
        "asciitilde", "KP_Add", "KP_Subtract", "KP_Multiply", "KP_Divide", "KP_Decimal", "KP_Separator", "KP_Equal",
    };

    /// <summary>Keysym values that stand for a name the policy judges (what <c>0xff0d</c> or <c>U0020</c> are).</summary>
    private static readonly Dictionary<uint, string> s_keysymNames = new()
    {
        [0xff0d] = "Return", [0xff8d] = "KP_Enter", [0xfe34] = "ISO_Enter", [0xff0a] = "Linefeed", [0xfd1e] = "3270_Enter",
        [0xff62] = "Execute", [0xff60] = "Select", [0x20] = "space", [0xff80] = "KP_Space", [0xa0] = "nobreakspace",
        [0xff09] = "Tab", [0xfe20] = "ISO_Left_Tab", [0xff1b] = "Escape", [0xffff] = "Delete", [0xff08] = "BackSpace",
        [0xfed5] = "Terminate_Server", [0x1008ff2a] = "XF86PowerOff", [0x1008ff2f] = "XF86Sleep", [0x1008ff61] = "XF86LogOff",
        [0x1008ff10] = "XF86Standby", [0x1008ffa7] = "XF86Suspend", [0x1008ffa8] = "XF86Hibernate",
    };

    private static readonly HashSet<string> s_sessionKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Terminate_Server", "XF86LogOff", "XF86PowerOff", "XF86PowerDown", "XF86Sleep", "XF86Suspend", "XF86Hibernate", "XF86Standby",
        "XF86Reboot", "XF86LogGrabInfo", "XF86LogWindowTree", "XF86ScreenSaver", "XF86Ungrab", "XF86ClearGrab",
    };

    /// <summary>Nothing that can activate.</summary>
    public static InputActivation Inert { get; } = new(ActivationKind.None, false, null, "");

    /// <summary>Analyses a keyboard action; anything else is <see cref="Inert"/>.</summary>
    /// <exception cref="KeyNameException">A key sequence is malformed.</exception>
    public static InputActivation Of(ComputerAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var found = action.Kind switch
        {
            ActionKind.Key or ActionKind.HoldKey when action.Text is { } keys => OfKeys(keys),
            ActionKind.Type when action.Text is { } text => OfText(text),
            _ => Inert,
        };
        // A held key repeats: a held Return presses the default button, then whatever comes after it.
        return action.Kind == ActionKind.HoldKey && found.Kind is not (ActivationKind.None or ActivationKind.Characters) ? found with { FocusMayMove = true } : found;
    }

    /// <summary>What X makes of a key name: a keysym number or <c>Uxxxx</c> becomes the name (or character) it stands for.</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        uint value;
        if (name.Length > 2 && name.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && uint.TryParse(name.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value))
        {
            // A keysym number.
        }
        else if (name.Length is >= 5 and <= 9 && name[0] is 'U' or 'u'
                 && uint.TryParse(name.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var codePoint))
        {
            value = codePoint < 0x100 ? codePoint : 0x01000000 + codePoint;
        }
        else
        {
            return name;
        }
        if (s_keysymNames.TryGetValue(value, out var known))
        {
            return known;
        }
        var character = value is >= 0x21 and <= 0x7e or >= 0xa1 and <= 0xff ? value : value is > 0x01000000 and <= 0x0110ffff ? value - 0x01000000 : 0;
        return character > 0 && Rune.IsValid((int)character) ? new Rune((int)character).ToString() : name;
    }

    private static InputActivation OfKeys(string keys)
    {
        var strongest = ActivationKind.None;
        var focusMayMove = false;
        char? mnemonic = null;
        var characters = new StringBuilder();
        var before = 0;
        var activations = 0;
        string? session = null;
        var pressesDelete = false;
        var runsLine = false;
        foreach (var chord in KeyChord.ParseSequence(keys))
        {
            var key = Canonical(chord.Keys[^1]);
            session ??= SessionEnding(chord, key);
            pressesDelete |= key.Equals("Delete", StringComparison.OrdinalIgnoreCase) || key.Equals("KP_Delete", StringComparison.OrdinalIgnoreCase);
            runsLine |= key is "o" or "O" && chord.Keys.Take(chord.Keys.Count - 1).Any(m => m.StartsWith("Control", StringComparison.OrdinalIgnoreCase));
            var (kind, letter) = Classify(chord, key);
            if (kind == ActivationKind.Characters)
            {
                characters.Append(key.Length == 1 ? key : "?");
            }
            if (kind is not (ActivationKind.None or ActivationKind.Characters))
            {
                activations++;
            }
            if (kind > ActivationKind.None && Rank(kind) > Rank(strongest))
            {
                strongest = kind;
                mnemonic = letter ?? mnemonic;
                focusMayMove = before > 0;
            }
            before++;
        }
        return new InputActivation(strongest, focusMayMove || activations > 1, mnemonic, characters.ToString(), session)
        {
            PressesDelete = pressesDelete,
            RunsLine = runsLine,
        };
    }

    private static InputActivation OfText(string text)
    {
        var focusMayMove = false;
        var kind = ActivationKind.None;
        var newlines = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var found = c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' ? ActivationKind.Confirm
                : c is ' ' or '\u00a0' ? ActivationKind.Press
                : char.IsControl(c) ? ActivationKind.None
                : ActivationKind.Characters;
            if (found == ActivationKind.Confirm && !(c == '\n' && i > 0 && text[i - 1] == '\r'))
            {
                newlines++;
            }
            if (Rank(found) > Rank(kind))
            {
                kind = found;
                // Typed characters stay in the focused field; only a tab before it moves the focus.
                focusMayMove = text.AsSpan(0, i).Contains('\t');
            }
        }
        return new InputActivation(kind, focusMayMove || newlines > 1, null, text);
    }

    private static (ActivationKind Kind, char? Mnemonic) Classify(KeyChord chord, string key)
    {
        if (KeyChord.IsModifier(key))
        {
            return (ActivationKind.None, null);
        }
        var modifiers = chord.Keys.Take(chord.Keys.Count - 1).ToList();
        var withAlt = modifiers.Any(s_mnemonicModifiers.Contains);
        var withCtrl = modifiers.Any(m => m.StartsWith("Control", StringComparison.OrdinalIgnoreCase));
        if (s_confirmKeys.Contains(key))
        {
            return (modifiers.Count > 0 ? ActivationKind.ModifiedConfirm : ActivationKind.Confirm, null);
        }
        if (withCtrl && key is "m" or "M" or "j" or "J")
        {
            // Carriage return and line feed as control characters: Return in terminals and many text widgets.
            return (ActivationKind.ModifiedConfirm, null);
        }
        if (s_pressKeys.Contains(key))
        {
            return (withAlt || withCtrl ? ActivationKind.Shortcut : ActivationKind.Press, null);
        }
        if (s_moveKeys.Contains(key))
        {
            return (ActivationKind.None, null);
        }
        if (s_inertKeys.Contains(key) || IsFunctionKey(key))
        {
            return (withAlt || withCtrl ? ActivationKind.Shortcut : ActivationKind.None, null);
        }
        if (s_actingKeys.Contains(key))
        {
            return (ActivationKind.Shortcut, null);
        }
        var printable = key.Length == 1 || s_printableNames.Contains(key) || key.StartsWith("KP_", StringComparison.OrdinalIgnoreCase) && key.Length == 4 && char.IsDigit(key[3]);
        if (!printable)
        {
            return (ActivationKind.Unknown, null);
        }
        var letter = key.Length == 1 ? char.ToLowerInvariant(key[0]) : key.Length == 4 && key.StartsWith("KP_", StringComparison.OrdinalIgnoreCase) ? key[3] : (char?)null;
        if (withAlt)
        {
            return letter is { } l && char.IsLetterOrDigit(l) ? (ActivationKind.Mnemonic, l) : (ActivationKind.Shortcut, null);
        }
        return (withCtrl ? ActivationKind.Shortcut : ActivationKind.Characters, null);
    }

    private static bool IsFunctionKey(string key) =>
        key.Length is 2 or 3 && key[0] is 'F' or 'f' && int.TryParse(key.AsSpan(1), out var number) && number is >= 1 and <= 35;

    /// <summary>Keys the X server or the session acts on itself, whatever window has the focus.</summary>
    private static string? SessionEnding(KeyChord chord, string key)
    {
        var control = chord.Keys.Any(k => k.StartsWith("Control", StringComparison.OrdinalIgnoreCase));
        var alt = chord.Keys.Any(k => k.StartsWith("Alt", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Meta", StringComparison.OrdinalIgnoreCase));
        var isSession = s_sessionKeys.Contains(key)
            || key.StartsWith("XF86Switch_VT_", StringComparison.OrdinalIgnoreCase)
            || control && alt && (key.Equals("BackSpace", StringComparison.OrdinalIgnoreCase) || key.Equals("Delete", StringComparison.OrdinalIgnoreCase)
                || key.Equals("KP_Delete", StringComparison.OrdinalIgnoreCase) || IsFunctionKey(key) && int.Parse(key.AsSpan(1), CultureInfo.InvariantCulture) <= 12);
        return isSession ? chord.Text : null;
    }

    /// <summary>What can press anything ranks above what only sometimes acts; a key nobody knows ranks highest.</summary>
    private static int Rank(ActivationKind kind) => kind switch
    {
        ActivationKind.None => 0,
        ActivationKind.Characters => 1,
        ActivationKind.Shortcut => 2,
        ActivationKind.Mnemonic => 3,
        ActivationKind.Press => 4,
        ActivationKind.Confirm => 5,
        ActivationKind.ModifiedConfirm => 6,
        ActivationKind.Unknown => 7,
        _ => 0,
    };
}
