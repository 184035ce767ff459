using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Actions;

namespace Dispatch.Engine.Safety;

/// <summary>
/// Decides deterministically whether an action is irreversible, from the action and what it would act on.
/// A planner or recipe may raise the risk (the requested level of <see cref="Classify"/>), never lower it.
/// </summary>
public sealed class RiskPolicy(RiskRules? rules = null)
{
    private readonly RiskRules _rules = rules ?? new RiskRules();

    /// <summary>Classifies <paramref name="action"/> acting on <paramref name="target"/>.</summary>
    /// <param name="action">The action, in screen coordinates.</param>
    /// <param name="target">What it would act on.</param>
    /// <param name="requested">A risk the planner asked for; the result is never lower.</param>
    /// <param name="markedSecret">The planner or recipe marked the typed value secret: it is redacted like a password.</param>
    public RiskAssessment Classify(ComputerAction action, ActionTarget target, RiskLevel requested = RiskLevel.Harmless, bool markedSecret = false)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(target);
        var secret = TypesIntoPassword(action, target) || (markedSecret && action.Text is not null);
        var sentence = Sentence(action, target, secret);
        var (level, reason) = Decide(action, target, TypesIntoPassword(action, target));
        if (requested > level)
        {
            (level, reason) = (requested, $"the planner raised it to {requested.ToString().ToLowerInvariant()}");
        }
        return new RiskAssessment(level, reason, sentence, secret);
    }

    private (RiskLevel, string) Decide(ComputerAction action, ActionTarget target, bool secret)
    {
        if (action.IsObservation || action.Kind is ActionKind.MouseMove)
        {
            return (RiskLevel.Harmless, "it only looks or moves the pointer");
        }
        if (secret)
        {
            return (RiskLevel.Irreversible, "it types into a password field");
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
        if (!Activates(action, target))
        {
            return (RiskLevel.Harmless, "it does not activate anything");
        }
        var names = TargetNames(action, target).ToList();
        foreach (var name in names)
        {
            if (_rules.IrreversibleNames.FirstOrDefault(rule => Matches(name, rule)) is { } rule)
            {
                return (RiskLevel.Irreversible, $"its target '{name}' matches the rule \"{rule}\"");
            }
        }
        foreach (var name in names)
        {
            if (_rules.ConfirmationNames.FirstOrDefault(rule => Equal(name, rule)) is { } confirmation
                && target.DialogText is { } dialog
                && _rules.DangerWords.FirstOrDefault(word => dialog.Contains(word, StringComparison.OrdinalIgnoreCase)) is { } word)
            {
                return (RiskLevel.Irreversible, $"'{confirmation}' confirms a dialog that speaks of \"{word}\"");
            }
        }
        return (RiskLevel.Harmless, names.Count == 0 ? "no name on its target matches a rule" : $"'{names[0]}' matches no rule");
    }

    /// <summary>Clicks, element actions and keys that activate (Return, space, ctrl+Return…) can trigger a button.</summary>
    private static bool Activates(ComputerAction action, ActionTarget target) => action.Kind switch
    {
        ActionKind.LeftClick or ActionKind.DoubleClick or ActionKind.TripleClick or ActionKind.MiddleClick
            or ActionKind.LeftMouseUp or ActionKind.ClickElement or ActionKind.Invoke => true,
        ActionKind.Key => action.Text is { } keys && IsActivatingKey(keys) && target.Focused is not null,
        ActionKind.SetText or ActionKind.Type => false,
        _ => false,
    };

    private static bool IsActivatingKey(string keys)
    {
        var last = keys.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var key = last.Split('+').Last();
        return key.Equals("Return", StringComparison.OrdinalIgnoreCase) || key.Equals("enter", StringComparison.OrdinalIgnoreCase)
            || key.Equals("KP_Enter", StringComparison.OrdinalIgnoreCase) || key.Equals("space", StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> TargetNames(ComputerAction action, ActionTarget target)
    {
        var node = action.Kind == ActionKind.Key ? target.Focused : target.Element;
        if (node is { Label: { Length: > 0 } label })
        {
            yield return label;
        }
        if (target.TextAtPoint is { Length: > 0 } text && action.Kind != ActionKind.Key)
        {
            yield return text;
        }
    }

    private static bool TypesIntoPassword(ComputerAction action, ActionTarget target) =>
        action.Kind is ActionKind.Type or ActionKind.SetText
        && (action.Kind == ActionKind.SetText ? target.Element : target.Focused ?? target.Element) is { } node
        && (node.Role == "password text" || node.Name.Contains("password", StringComparison.OrdinalIgnoreCase));

    private static bool Matches(string name, string rule)
    {
        var clean = Clean(name);
        var wanted = Clean(rule);
        // "Send", "Send now", "Delete file" and "Move to Trash…" style labels: the rule as a whole word at the start or alone.
        return clean == wanted || clean.StartsWith(wanted + " ", StringComparison.Ordinal) || clean.EndsWith(" " + wanted, StringComparison.Ordinal);
    }

    private static bool Equal(string name, string rule) => Clean(name) == Clean(rule);

    private static string Clean(string text) =>
        string.Join(' ', text.ToLowerInvariant().Replace("…", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim('.', '!', ':', '?');

    private static string? Listed(IReadOnlyList<string> list, string? value) =>
        value is null ? null : list.FirstOrDefault(item => string.Equals(item, value, StringComparison.OrdinalIgnoreCase));

    private static string? ListedIn(IReadOnlyList<string> list, string? value) =>
        value is null ? null : list.FirstOrDefault(item => value.Contains(item, StringComparison.OrdinalIgnoreCase));

    private static string Sentence(ComputerAction action, ActionTarget target, bool secret)
    {
        var where = target.WindowTitle is { Length: > 0 } title ? $" in '{title}'" : "";
        var what = target.Describe();
        return action.Kind switch
        {
            ActionKind.LeftClick or ActionKind.ClickElement => $"Click {what}{where}",
            ActionKind.DoubleClick => $"Double-click {what}{where}",
            ActionKind.TripleClick => $"Triple-click {what}{where}",
            ActionKind.RightClick => $"Right-click {what}{where}",
            ActionKind.MiddleClick => $"Middle-click {what}{where}",
            ActionKind.Invoke => $"Press {what}{where}",
            ActionKind.Key => $"Press {action.Text}{(target.Focused is { } f ? $" on {(f.Label is { Length: > 0 } l ? $"'{l}'" : $"the {f.Role}")}" : "")}{where}",
            ActionKind.Type => $"Type {(secret ? "a secret value" : $"\"{Short(action.Text)}\"")}{where}",
            ActionKind.SetText => $"Set the text of {what} to {(secret ? "a secret value" : $"\"{Short(action.Text)}\"")}{where}",
            ActionKind.LeftClickDrag => $"Drag from {action.StartCoordinate} to {action.Coordinate}{where}",
            ActionKind.Scroll => $"Scroll {action.ScrollDirection?.ToString().ToLowerInvariant()} {action.ScrollAmount}{where}",
            ActionKind.HoldKey => $"Hold {action.Text} for {action.Duration} s{where}",
            _ => $"{ComputerActionJson.NameOf(action.Kind).Replace('_', ' ')}{where}",
        };
    }

    private static string Short(string? text) => text is null ? "" : text.Length > 40 ? text[..40] + "…" : text;
}
