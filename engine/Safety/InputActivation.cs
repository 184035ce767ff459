using Dispatch.Engine.Actions;
using Dispatch.Engine.Input;

namespace Dispatch.Engine.Safety;

/// <summary>
/// Whether a keyboard action (<c>key</c>, <c>hold_key</c>, <c>type</c>) can activate a control, and how: the most
/// activating of its chords, whether another key comes before it (the focus may have moved, so what it presses is
/// unknown), and the mnemonic letter. Every Return, Enter and space variant counts, by keysym name in any case.
/// </summary>
/// <param name="Kind">The most activating input found.</param>
/// <param name="FocusMayMove">Another key is pressed before it (Tab, an arrow, a letter): the focused element may not be the one it presses.</param>
/// <param name="Mnemonic">The letter or digit of an alt+letter mnemonic, lower case.</param>
/// <param name="Characters">The printable characters it types (secrets live here).</param>
/// <param name="SessionKey">A key that ends the session or leaves it (Terminate_Server, ctrl+alt+Delete, power, sleep, a VT switch), or null.</param>
public sealed record InputActivation(ActivationKind Kind, bool FocusMayMove, char? Mnemonic, string Characters, string? SessionKey = null)
{
    private static readonly HashSet<string> s_sessionKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Terminate_Server", "XF86LogOff", "XF86PowerOff", "XF86PowerDown", "XF86Sleep", "XF86Suspend", "XF86Hibernate", "XF86Standby",
        "XF86Reboot", "XF86LogGrabInfo", "XF86LogWindowTree", "XF86ScreenSaver", "XF86Ungrab", "XF86ClearGrab",
    };

    private static readonly HashSet<string> s_confirmKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Return", "KP_Enter", "ISO_Enter", "Linefeed", "3270_Enter", "Execute", "KP_Execute", "Select", "enter", "return",
    };

    private static readonly HashSet<string> s_pressKeys = new(StringComparer.OrdinalIgnoreCase) { "space", "KP_Space", "nobreakspace" };

    private static readonly HashSet<string> s_modifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "Control_L", "Control_R", "Shift_L", "Shift_R", "Alt_L", "Alt_R", "Meta_L", "Meta_R", "Super_L", "Super_R", "Hyper_L", "Hyper_R",
        "ISO_Level3_Shift", "Mode_switch",
    };

    private static readonly HashSet<string> s_mnemonicModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "Alt_L", "Alt_R", "Meta_L", "Meta_R", "Super_L", "Super_R",
    };

    private static readonly HashSet<string> s_actingKeys = new(StringComparer.OrdinalIgnoreCase) { "Delete", "KP_Delete", "BackSpace" };

    /// <summary>Nothing that can activate.</summary>
    public static InputActivation Inert { get; } = new(ActivationKind.None, false, null, "");

    /// <summary>Analyses a keyboard action; anything else is <see cref="Inert"/>.</summary>
    /// <exception cref="KeyNameException">A key sequence is malformed.</exception>
    public static InputActivation Of(ComputerAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Kind switch
        {
            ActionKind.Key or ActionKind.HoldKey when action.Text is { } keys => OfKeys(keys),
            ActionKind.Type when action.Text is { } text => OfText(text),
            _ => Inert,
        };
    }

    private static InputActivation OfKeys(string keys)
    {
        var strongest = ActivationKind.None;
        var focusMayMove = false;
        char? mnemonic = null;
        var characters = new System.Text.StringBuilder();
        var before = 0;
        string? session = null;
        foreach (var chord in KeyChord.ParseSequence(keys))
        {
            session ??= SessionEnding(chord);
            var (kind, letter) = Classify(chord);
            if (kind == ActivationKind.Characters && chord.Keys.Count == 1)
            {
                characters.Append(chord.Keys[0].Length == 1 ? chord.Keys[0] : "");
            }
            if (kind > ActivationKind.None && Rank(kind) > Rank(strongest))
            {
                strongest = kind;
                mnemonic = letter ?? mnemonic;
                focusMayMove = before > 0;
            }
            before++;
        }
        return new InputActivation(strongest, focusMayMove, mnemonic, characters.ToString(), session);
    }

    /// <summary>Keys the X server or the session acts on itself, whatever window has the focus.</summary>
    private static string? SessionEnding(KeyChord chord)
    {
        var key = chord.Keys[^1];
        var control = chord.Keys.Any(k => k.StartsWith("Control", StringComparison.OrdinalIgnoreCase));
        var alt = chord.Keys.Any(k => k.StartsWith("Alt", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Meta", StringComparison.OrdinalIgnoreCase));
        var isSession = s_sessionKeys.Contains(key)
            || key.StartsWith("XF86Switch_VT_", StringComparison.OrdinalIgnoreCase)
            || control && alt && (key.Equals("BackSpace", StringComparison.OrdinalIgnoreCase) || key.Equals("Delete", StringComparison.OrdinalIgnoreCase)
                || key.Equals("KP_Delete", StringComparison.OrdinalIgnoreCase)
                || key.Length is 2 or 3 && key[0] is 'F' or 'f' && int.TryParse(key.AsSpan(1), out var f) && f is >= 1 and <= 12);
        return isSession ? chord.Text : null;
    }

    private static InputActivation OfText(string text)
    {
        var focusMayMove = false;
        var kind = ActivationKind.None;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var found = c is '\n' or '\r' ? ActivationKind.Confirm
                : c is ' ' or '\u00a0' ? ActivationKind.Press
                : char.IsControl(c) ? ActivationKind.None
                : ActivationKind.Characters;
            if (Rank(found) > Rank(kind))
            {
                kind = found;
                // Typed characters stay in the focused field; only a tab before it moves the focus.
                focusMayMove = text.AsSpan(0, i).Contains('\t');
            }
        }
        return new InputActivation(kind, focusMayMove, null, text);
    }

    private static (ActivationKind Kind, char? Mnemonic) Classify(KeyChord chord)
    {
        var key = chord.Keys[^1];
        var modifiers = chord.Keys.Take(chord.Keys.Count - 1).ToList();
        if (s_modifiers.Contains(key))
        {
            return (ActivationKind.None, null);
        }
        var modified = modifiers.Any(m => !m.StartsWith("Shift", StringComparison.OrdinalIgnoreCase));
        if (s_confirmKeys.Contains(key))
        {
            return (modifiers.Count > 0 ? ActivationKind.ModifiedConfirm : ActivationKind.Confirm, null);
        }
        if (s_pressKeys.Contains(key))
        {
            return (modified ? ActivationKind.Shortcut : ActivationKind.Press, null);
        }
        var single = key.Length == 1 ? char.ToLowerInvariant(key[0]) : (char?)null;
        if (single is { } letter && char.IsLetterOrDigit(letter) && modifiers.Any(s_mnemonicModifiers.Contains))
        {
            return (ActivationKind.Mnemonic, letter);
        }
        if (modified || s_actingKeys.Contains(key))
        {
            return (ActivationKind.Shortcut, null);
        }
        return (single is not null || key.StartsWith("KP_", StringComparison.OrdinalIgnoreCase) && key.Length > 3 && char.IsDigit(key[^1])
            ? ActivationKind.Characters : ActivationKind.None, null);
    }

    /// <summary>Confirm and press first: they press whatever has the focus; a mnemonic names its control; the rest only sometimes act.</summary>
    private static int Rank(ActivationKind kind) => kind switch
    {
        ActivationKind.None => 0,
        ActivationKind.Characters => 1,
        ActivationKind.Shortcut => 2,
        ActivationKind.Mnemonic => 3,
        ActivationKind.Press => 4,
        ActivationKind.Confirm => 5,
        ActivationKind.ModifiedConfirm => 6,
        _ => 0,
    };
}
