namespace Dispatch.Engine.Input;

/// <summary>
/// Keys pressed together, in xdotool's syntax as the computer-use <c>key</c> action uses it: names joined by
/// <c>+</c>, e.g. <c>ctrl+s</c>, <c>shift+Tab</c>, <c>ctrl+alt+Delete</c>, <c>Return</c>. Names are X keysym names
/// (<c>Page_Down</c>, <c>F5</c>, <c>a</c>) or the usual short forms (ctrl, alt, shift, super, enter, esc…),
/// which are turned into keysym names here. Keys are pressed in order and released in reverse.
/// </summary>
public sealed record KeyChord
{
    private static readonly Dictionary<string, string> s_aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ctrl"] = "Control_L", ["control"] = "Control_L", ["alt"] = "Alt_L", ["shift"] = "Shift_L",
        ["super"] = "Super_L", ["win"] = "Super_L", ["windows"] = "Super_L", ["cmd"] = "Super_L", ["command"] = "Super_L",
        ["meta"] = "Meta_L", ["option"] = "Alt_L", ["altgr"] = "ISO_Level3_Shift",
        ["enter"] = "Return", ["return"] = "Return", ["esc"] = "Escape", ["escape"] = "Escape",
        ["del"] = "Delete", ["delete"] = "Delete", ["backspace"] = "BackSpace", ["tab"] = "Tab", ["space"] = "space",
        ["pageup"] = "Prior", ["page_up"] = "Prior", ["pgup"] = "Prior", ["pagedown"] = "Next", ["page_down"] = "Next", ["pgdn"] = "Next",
        ["up"] = "Up", ["down"] = "Down", ["left"] = "Left", ["right"] = "Right", ["home"] = "Home", ["end"] = "End",
        ["insert"] = "Insert", ["ins"] = "Insert", ["menu"] = "Menu", ["capslock"] = "Caps_Lock", ["printscreen"] = "Print",
    };

    private static readonly HashSet<string> s_modifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "Control_L", "Control_R", "Shift_L", "Shift_R", "Alt_L", "Alt_R", "Meta_L", "Meta_R", "Super_L", "Super_R", "Hyper_L", "Hyper_R",
        "ISO_Level3_Shift", "ISO_Level5_Shift", "Mode_switch",
    };

    private KeyChord(IReadOnlyList<string> keys, string text)
    {
        Keys = keys;
        Text = text;
    }

    /// <summary>The keysym names in press order, e.g. <c>Control_L</c>, <c>s</c>.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The chord as it was written.</summary>
    public string Text { get; }

    /// <summary>Parses one chord such as <c>ctrl+shift+t</c>.</summary>
    /// <exception cref="KeyNameException">A name is empty, e.g. <c>ctrl+</c>.</exception>
    public static KeyChord Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new KeyNameException(text, "An empty key chord; expected key names joined by '+', e.g. 'ctrl+s' or 'Return'.");
        }
        if (trimmed == "+")
        {
            return new KeyChord(["plus"], text);
        }
        // "ctrl++" presses ctrl and the plus key.
        var plusKey = trimmed.EndsWith("++", StringComparison.Ordinal);
        var body = plusKey ? trimmed[..^2] : trimmed;
        var parts = new List<string>();
        var position = 0;
        foreach (var segment in body.Split('+'))
        {
            var name = segment.Trim();
            if (name.Length == 0)
            {
                throw new KeyNameException(text, $"An empty key name at position {position + 1} of '{text}'; expected key names joined by '+', e.g. 'ctrl+s'.");
            }
            parts.Add(Normalise(name));
            position += segment.Length + 1;
        }
        if (plusKey)
        {
            parts.Add("plus");
        }
        // Keys are pressed in order: a key before the last would be pressed while the others go down ("Return+shift"
        // presses Return), which no one means and which would hide it from the risk policy.
        if (parts.Take(parts.Count - 1).FirstOrDefault(p => !IsModifier(p)) is { } early)
        {
            throw new KeyNameException(text, $"'{early}' comes before the last key of '{text}'; only modifiers (ctrl, alt, shift, super, meta) may come before it, e.g. 'ctrl+shift+t'.");
        }
        return new KeyChord(parts, text);
    }

    /// <summary>True for a modifier keysym name (after aliases): Control_L/R, Shift_L/R, Alt_L/R, Meta_L/R, Super_L/R, Hyper_L/R, ISO_Level3/5_Shift, Mode_switch.</summary>
    public static bool IsModifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_modifiers.Contains(Normalise(name));
    }

    /// <summary>Parses chords separated by spaces, pressed one after another: <c>ctrl+a Delete</c>.</summary>
    public static IReadOnlyList<KeyChord> ParseSequence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chords = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
        if (chords.Count == 0)
        {
            throw new KeyNameException(text, "No keys given; expected e.g. 'ctrl+s' or 'ctrl+a Delete'.");
        }
        return chords;
    }

    private static string Normalise(string name) => s_aliases.TryGetValue(name, out var keysym) ? keysym : name;

    /// <inheritdoc/>
    public override string ToString() => string.Join('+', Keys);
}
