using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Actions;

namespace Dispatch.Engine.Safety;

/// <summary>
/// Decides deterministically whether a step is irreversible, from the action and what it acts on. The rule, when in
/// doubt, is to ask:
/// <list type="bullet">
/// <item>Every input that can press a control counts as activating: clicks (a button press alone, since its release
/// clicks, and a drag shorter than a drag threshold), element actions, every Return/Enter and space variant, a
/// mnemonic, a ctrl shortcut, text with a newline or a space, and letters sent to a dialog that has no text field.</item>
/// <item>It is irreversible when its target's name matches <see cref="RiskRules.IrreversibleNames"/>.</item>
/// <item>In a window that speaks of loss (<see cref="RiskRules.DangerWords"/>, read by accessibility or OCR) it is
/// irreversible unless its target is known and clearly the safe choice (<see cref="RiskRules.SafeNames"/>): a
/// confirmation, a verb missing from the lists, or a target that cannot be read is held.</item>
/// <item>A Return, ctrl+Return or mnemonic whose target is unknown is irreversible when the window offers a button
/// with an irreversible name (Return in a chat's entry sends).</item>
/// <item>Text or keys typed into a password field are irreversible and secret.</item>
/// <item>Keys that end or leave the session (Terminate_Server, ctrl+alt+Delete, power and sleep keys, VT switches) are irreversible.</item>
/// </list>
/// A planner or recipe may raise the risk (the <c>requested</c> level), never lower it.
/// </summary>
public sealed class RiskPolicy(RiskRules? rules = null)
{
    /// <summary>A press and release closer than this many pixels is a click, not a drag (GTK's default threshold is 8).</summary>
    public const int DragThreshold = 8;

    private static readonly string[] s_secretPhrases = ["mot de passe", "one-time code", "security code", "api key", "secret key"];

    private readonly RiskRules _rules = rules ?? new RiskRules();

    /// <summary>Classifies <paramref name="action"/> acting on <paramref name="target"/>.</summary>
    /// <param name="action">The action, in screen coordinates.</param>
    /// <param name="target">What it acts on, as perceived.</param>
    /// <param name="requested">A risk the planner asked for; the result is never lower.</param>
    /// <param name="markedSecret">The planner or recipe marked the typed value secret: it is redacted like a password.</param>
    /// <exception cref="Input.KeyNameException">The action's key sequence is malformed.</exception>
    public RiskAssessment Classify(ComputerAction action, ActionTarget target, RiskLevel requested = RiskLevel.Harmless, bool markedSecret = false)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(target);
        var keys = InputActivation.Of(action);
        var intoPassword = TypesIntoPassword(action, target, keys);
        var secret = intoPassword || (markedSecret && action.Text is not null);
        var (level, reason) = Decide(action, target, keys, intoPassword);
        if (requested > level)
        {
            (level, reason) = (requested, $"the planner raised it to {requested.ToString().ToLowerInvariant()}");
        }
        return new RiskAssessment(level, reason, Sentence(action, target, secret), secret);
    }

    private (RiskLevel, string) Decide(ComputerAction action, ActionTarget target, InputActivation keys, bool intoPassword)
    {
        if (action.IsObservation || action.Kind is ActionKind.MouseMove or ActionKind.Scroll)
        {
            return (RiskLevel.Harmless, "it only looks, moves the pointer or scrolls");
        }
        if (intoPassword)
        {
            return (RiskLevel.Irreversible, "it types into a password field");
        }
        if (keys.SessionKey is { } sessionKey)
        {
            return (RiskLevel.Irreversible, $"'{sessionKey}' ends or leaves the session (the X server, the login, power or a console switch act on it)");
        }
        if (Listed(_rules.DenyApplications, target.Application) is { } deniedApp)
        {
            return (RiskLevel.Irreversible, $"every action in the application '{deniedApp}' is held");
        }
        if (ListedIn(_rules.DenyWindows, target.WindowTitle) is { } deniedWindow)
        {
            return (RiskLevel.Irreversible, $"every action in windows titled '{deniedWindow}' is held");
        }
        if (Listed(_rules.AllowApplications, target.Application) is not null || ListedIn(_rules.AllowWindows, target.WindowTitle) is not null)
        {
            return (RiskLevel.Harmless, "the application or window is on the allow list");
        }
        var (activates, names, how) = Activation(action, target, keys);
        // A modified Return or an unknown key may run the window's default action, whatever has the focus: the focused
        // element's name can hold it, never clear it.
        var known = names.Count > 0 && keys.Kind is not (ActivationKind.ModifiedConfirm or ActivationKind.Unknown);
        foreach (var name in target.DropNames)
        {
            if (action.Kind == ActionKind.LeftClickDrag && IrreversibleName(name) is { } rule)
            {
                return (RiskLevel.Irreversible, $"it drops onto '{name}', which matches the rule \"{rule.TrimStart('=')}\"");
            }
        }
        if (target.IsTerminal && (keys.Kind is ActivationKind.Confirm or ActivationKind.ModifiedConfirm or ActivationKind.Unknown || keys.RunsLine)
            && TerminalCommand.Judge(LastLine(target.WindowText), action.Kind == ActionKind.Type ? action.Text : null) is { } why)
        {
            return (RiskLevel.Irreversible, $"it may run the terminal's command line, and {why}");
        }
        if (IsPointerPress(action) && !known && target.Element is { } unnamed && IsOperable(unnamed))
        {
            return (RiskLevel.Irreversible, $"{how}: the {UiRoleNames.NameOf(unnamed.Role)} has no name or readable label to judge it by");
        }
        if (keys.Kind == ActivationKind.Shortcut && keys.PressesDelete && target.Focused is { } selected && !selected.States.HasFlag(UiStates.Editable))
        {
            return (RiskLevel.Irreversible, $"the Delete key deletes what is selected in the {UiRoleNames.NameOf(selected.Role)}");
        }
        if (!activates)
        {
            return (RiskLevel.Harmless, how);
        }
        foreach (var name in names)
        {
            if (IrreversibleName(name) is { } rule)
            {
                return (RiskLevel.Irreversible, $"{how}: its target '{name}' matches the rule \"{rule.TrimStart('=')}\"");
            }
        }
        var danger = DangerWord(target);
        if (keys.SessionKey is null && danger is null && !known && keys.Kind == ActivationKind.Shortcut)
        {
            return (RiskLevel.Harmless, $"{how}: nothing in the window speaks of loss");
        }
        if (danger is not null && (keys.Kind is not (ActivationKind.Characters or ActivationKind.Shortcut) || target.IsDialog))
        {
            if (known && names.All(IsSafe))
            {
                return (RiskLevel.Harmless, $"'{names[0]}' is the safe choice in a window that speaks of \"{danger}\"");
            }
            return (RiskLevel.Irreversible, known
                ? $"{how}: '{names[0]}' is not clearly the safe choice in a window that speaks of \"{danger}\""
                : $"{how}: its target cannot be read, in a window that speaks of \"{danger}\"");
        }
        if (!known && keys.Kind != ActivationKind.Shortcut && target.Controls.FirstOrDefault(c => IrreversibleName(c) is not null) is { } offered)
        {
            return (RiskLevel.Irreversible, $"{how}: it may press the window's '{offered}' button");
        }
        return (RiskLevel.Harmless, known ? $"'{names[0]}' matches no rule" : $"{how}: no rule applies to its target");
    }

    /// <summary>Whether the step can press something, the names of what it presses (empty when unknown), and how it presses.</summary>
    private static (bool Activates, IReadOnlyList<string> Names, string How) Activation(ComputerAction action, ActionTarget target, InputActivation keys)
    {
        var intoText = target.Element is { } clicked && clicked.States.HasFlag(UiStates.Editable);
        switch (action.Kind)
        {
            case ActionKind.LeftClick or ActionKind.DoubleClick or ActionKind.TripleClick or ActionKind.MiddleClick or ActionKind.LeftMouseUp
                or ActionKind.ClickElement or ActionKind.LeftMouseDown or ActionKind.LeftClickDrag when intoText:
                return (false, [], "a click in a text field places the caret");
            case ActionKind.LeftClick or ActionKind.DoubleClick or ActionKind.TripleClick or ActionKind.MiddleClick or ActionKind.LeftMouseUp
                or ActionKind.ClickElement or ActionKind.Invoke:
                return (true, PointerNames(target), "it presses its target");
            case ActionKind.LeftMouseDown:
                return (true, PointerNames(target), "a button press clicks when released (by the action or when the process ends)");
            case ActionKind.LeftClickDrag:
                // Toolkits click when the button is let go inside the control it went down on, however far it moved.
                return (true, PointerNames(target), "a drag presses the control it starts on");
            case ActionKind.RightClick when target.Window is { IsPopup: true } || target.Element?.Role is UiRole.MenuItem or UiRole.Menu:
                // A menu item answers any button.
                return (true, PointerNames(target), "a right click on a menu item chooses it");
            case ActionKind.RightClick or ActionKind.SetText:
                return (false, [], "it does not press anything");
        }
        var focused = target.Focused;
        var editable = focused is not null && focused.States.HasFlag(UiStates.Editable);
        var multiLine = editable && focused!.States.HasFlag(UiStates.MultiLine);
        IReadOnlyList<string> focusedName = !keys.FocusMayMove && focused is { Label.Length: > 0 } && IsOperable(focused) ? [focused.Label] : [];
        IReadOnlyList<string> defaultButton = !keys.FocusMayMove && target.DefaultControl is { Length: > 0 } label ? [label] : [];
        return keys.Kind switch
        {
            ActivationKind.None => (false, [], "it types no key that can press anything"),
            // A new line in an editor — or, in a chat, the message sent: only what the window offers and says can tell.
            ActivationKind.Confirm when multiLine && !keys.FocusMayMove => (true, [], "Return in a multi-line field starts a line, or sends"),
            ActivationKind.Confirm when editable => (true, defaultButton, "Return in a text field presses the default button"),
            ActivationKind.Confirm => (true, focusedName, "Return presses the focused control"),
            ActivationKind.ModifiedConfirm => (true, focusedName, "a modified Return runs the window's default action"),
            ActivationKind.Unknown => (true, focusedName, "a key the policy does not know may do anything"),
            ActivationKind.Press when editable && !keys.FocusMayMove => (false, [], "space in a text field types a space"),
            ActivationKind.Press => (true, focusedName, "space presses the focused control"),
            ActivationKind.Mnemonic => (true, MnemonicNames(target, keys.Mnemonic!.Value), $"alt+{keys.Mnemonic} is a mnemonic"),
            ActivationKind.Shortcut => (true, [], "a shortcut acts as the application decides"),
            ActivationKind.Characters when editable && !keys.FocusMayMove => (false, [], "it types into a text field"),
            ActivationKind.Characters => (target.IsDialog, [], "letters typed into a dialog without a text field may be mnemonics"),
            _ => (true, [], "it can press something"),
        };
    }

    private static List<string> PointerNames(ActionTarget target)
    {
        var names = new List<string>();
        if (target.Element is { } element)
        {
            names.Add(element.Label);
            // A tooltip names an icon button ("Move to trash") when its label is empty or a symbol.
            names.Add(element.Description);
            if (IsOperable(element) && !names.Any(HasWord))
            {
                // A control whose own name is a symbol ("🗑"): what OCR makes of the symbol ("oO") names nothing.
                return [];
            }
        }
        names.Add(target.TextAtPoint ?? "");
        // A name must have a word in it: "🗑" or "…" tells nothing, so the target counts as unread.
        return [.. names.Where(HasWord).Distinct()];
    }

    private static bool HasWord(string name) => RiskWords.Stems(name).Any(w => w.Any(char.IsLetterOrDigit));

    private static bool IsPointerPress(ComputerAction action) => action.Kind is ActionKind.LeftClick or ActionKind.DoubleClick or ActionKind.TripleClick
        or ActionKind.MiddleClick or ActionKind.LeftMouseDown or ActionKind.LeftMouseUp or ActionKind.ClickElement or ActionKind.Invoke;

    /// <summary>The command line: a terminal's last line with text (the history above it has run already).</summary>
    private static string LastLine(string? text) =>
        text?.Split('\n').LastOrDefault(l => !string.IsNullOrWhiteSpace(l)) ?? "";


    /// <summary>The buttons whose label has the mnemonic's letter: toolkits mark any letter, so a label holding it may be the one.</summary>
    private static IReadOnlyList<string> MnemonicNames(ActionTarget target, char letter) =>
        [.. target.Controls.Where(c => c.Contains(letter, StringComparison.OrdinalIgnoreCase))];

    private static bool IsOperable(UiNode node) => node.Actions.Count > 0 && !node.States.HasFlag(UiStates.Editable);

    private static bool TypesIntoPassword(ComputerAction action, ActionTarget target, InputActivation keys)
    {
        var field = action.Kind == ActionKind.SetText ? target.Element : target.Focused;
        var types = action.Kind is ActionKind.Type or ActionKind.SetText || (action.Kind is ActionKind.Key or ActionKind.HoldKey && keys.Characters.Length > 0);
        if (!types)
        {
            return false;
        }
        // Without a readable field (a terminal's "[sudo] password for …:", a legacy form), what the window says decides.
        return field is null
            ? target.WindowText is { } text && NamesSecret(text)
            : field.Role == UiRole.Password || NamesSecret(field.Name) || NamesSecret(field.Description);
    }

    private static bool NamesSecret(string text)
    {
        var stems = RiskWords.Stems(text);
        return stems.Any(s => s is "password" or "passphras" or "passcod" or "passwort" or "pin" or "cvv" or "cvc" or "otp" or "token")
            || s_secretPhrases.Any(phrase => RiskWords.Contains(stems, phrase));
    }

    private string? IrreversibleName(string name)
    {
        var stems = RiskWords.Stems(name);
        var clean = RiskWords.Clean(name);
        return _rules.IrreversibleNames.FirstOrDefault(rule =>
            rule.StartsWith('=') ? clean == RiskWords.Clean(rule[1..]) : RiskWords.Contains(stems, rule));
    }

    private bool IsSafe(string name) => _rules.SafeNames.Any(safe => RiskWords.Clean(safe) == RiskWords.Clean(name));

    /// <summary>The word of loss the window speaks of: a danger word, or — in a dialog — an irreversible name ("Deploy to production?").</summary>
    private string? DangerWord(ActionTarget target)
    {
        if (target.WindowText is not { Length: > 0 } text)
        {
            return null;
        }
        var stems = RiskWords.Stems(text);
        return _rules.DangerWords.FirstOrDefault(word => RiskWords.Contains(stems, word))
            ?? (target.IsDialog ? _rules.IrreversibleNames.Where(n => !n.StartsWith('=')).FirstOrDefault(name => RiskWords.Contains(stems, name)) : null);
    }

    private static string? Listed(IReadOnlyList<string> list, string? value) =>
        value is null ? null : list.FirstOrDefault(item => string.Equals(item, value, StringComparison.OrdinalIgnoreCase));

    private static string? ListedIn(IReadOnlyList<string> list, string? value) =>
        value is null ? null : list.FirstOrDefault(item => value.Contains(item, StringComparison.OrdinalIgnoreCase));

    private static string Sentence(ComputerAction action, ActionTarget target, bool secret)
    {
        var where = target.WindowTitle is { Length: > 0 } title ? $" in '{title}'" : "";
        var what = target.Describe();
        var keys = secret ? "keys of a secret value" : action.Text;
        var on = target.Focused is { } f ? $" on {(f.Label is { Length: > 0 } l ? $"'{l}'" : $"the {UiRoleNames.NameOf(f.Role)}")}" : "";
        return action.Kind switch
        {
            ActionKind.LeftClick or ActionKind.ClickElement => $"Click {what}{where}",
            ActionKind.DoubleClick => $"Double-click {what}{where}",
            ActionKind.TripleClick => $"Triple-click {what}{where}",
            ActionKind.RightClick => $"Right-click {what}{where}",
            ActionKind.MiddleClick => $"Middle-click {what}{where}",
            ActionKind.LeftMouseDown => $"Press the mouse button on {what}{where}",
            ActionKind.LeftMouseUp => $"Release the mouse button on {what}{where}",
            ActionKind.Invoke => $"Press {what}{where}",
            ActionKind.Key => $"Press {keys}{on}{where}",
            ActionKind.HoldKey => $"Hold {keys} for {action.Duration} s{on}{where}",
            ActionKind.Type => $"Type {(secret ? "a secret value" : $"\"{Short(action.Text)}\"")}{on}{where}",
            ActionKind.SetText => $"Set the text of {what} to {(secret ? "a secret value" : $"\"{Short(action.Text)}\"")}{where}",
            ActionKind.LeftClickDrag => $"Drag from {action.StartCoordinate} to {action.Coordinate}{where}",
            ActionKind.Scroll => $"Scroll {action.ScrollDirection?.ToString().ToLowerInvariant()} {action.ScrollAmount}{where}",
            _ => $"{ComputerActionJson.NameOf(action.Kind).Replace('_', ' ')}{where}",
        };
    }

    private static string Short(string? text) => text is null ? "" : text.Length > 40 ? text[..40] + "…" : text;
}
