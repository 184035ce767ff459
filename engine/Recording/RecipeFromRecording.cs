using System.Globalization;
using System.Text;
using Dispatch.Engine.Actions;

namespace Dispatch.Engine.Recording;

/// <summary>
/// Turns a recorded session into an editable recipe (format version 1) that uses locators and waits, not coordinates:
/// each click on its best recorded locator (accessibility, then OCR text, then the target's image copied next to the
/// recipe), typed text and keys as they were, and a <c>wait_window</c> wherever the work moves to another window. A
/// step that only its recorded point could find keeps that point and says so in a comment to edit.
/// </summary>
public static class RecipeFromRecording
{
    /// <summary>The recipe's YAML, and the session images it refers to (copy them next to the recipe).</summary>
    /// <exception cref="DispatchException">A step cannot be written as a recipe step (a drag: recipes have none).</exception>
    public static (string Yaml, IReadOnlyList<string> Images) Convert(RecordedSession session, IReadOnlyList<RecordedStep> steps, string name)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(steps);
        var yaml = new StringBuilder();
        var images = new List<string>();
        yaml.Append("version: 1\n");
        yaml.Append(CultureInfo.InvariantCulture, $"name: {Quote(name)}\n");
        yaml.Append(CultureInfo.InvariantCulture,
            $"description: {Quote($"Recorded on display {session.Display} ({session.Screen.Width}x{session.Screen.Height}) at {session.Started:yyyy-MM-dd HH:mm}, {steps.Count} step(s).")}\n");
        yaml.Append("steps:\n");
        string? window = null;
        foreach (var step in steps)
        {
            var action = ComputerActionJson.Parse(step.Action);
            if (step.WindowTitle is { Length: > 0 } title && title != window)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"  - wait_window: {Quote(title)}\n");
                window = title;
            }
            switch (action.Kind)
            {
                case ActionKind.LeftClick or ActionKind.DoubleClick or ActionKind.RightClick:
                    var kind = action.Kind switch { ActionKind.DoubleClick => "double_click", ActionKind.RightClick => "right_click", _ => "click" };
                    yaml.Append(CultureInfo.InvariantCulture, $"  - {kind}: {Quote(Target(step, images), bracesLiteral: false)}\n");
                    break;
                case ActionKind.Scroll:
                    yaml.Append(CultureInfo.InvariantCulture, $"  - scroll: {Quote(Target(step, images), bracesLiteral: false)}\n");
                    yaml.Append(CultureInfo.InvariantCulture, $"    direction: {action.ScrollDirection.ToString()!.ToLowerInvariant()}\n");
                    yaml.Append(CultureInfo.InvariantCulture, $"    amount: {action.ScrollAmount ?? 1}\n");
                    break;
                case ActionKind.Type:
                    yaml.Append(CultureInfo.InvariantCulture, $"  - type: {Quote(action.Text ?? "")}\n");
                    break;
                case ActionKind.Key:
                    yaml.Append(CultureInfo.InvariantCulture, $"  - key: {Quote(action.Text ?? "")}\n");
                    break;
                default:
                    throw new DispatchException($"Step {step.Index} is a {ComputerActionJson.NameOf(action.Kind)}, which recipes cannot express yet; " +
                        "expected clicks, double and right clicks, scrolls, typing and keys.");
            }
            yaml.Append(CultureInfo.InvariantCulture, $"    name: {Quote($"step {step.Index}{(step.Element is { } element ? $": {element}" : "")}")}\n");
        }
        return (yaml.ToString(), images);
    }

    /// <summary>The best recorded locator of a pointer step, braces escaped; an image one is rewritten to the recipe's folder.</summary>
    private static string Target(RecordedStep step, List<string> images)
    {
        var best = step.Locators.FirstOrDefault(l => l.Channel is "accessibility" or "text")
            ?? step.Locators.FirstOrDefault(l => l.Channel == "image")
            ?? step.Locators.FirstOrDefault(l => l.Channel == "screen")
            ?? throw new DispatchException($"Step {step.Index} has no locator to click; expected at least its recorded point.");
        if (best.Channel == "image" && step.TargetImage is { } file)
        {
            images.Add(file);
            return $"image=\"{{recipe_dir}}/{EscapeBraces(file)}\"";
        }
        return EscapeBraces(best.Locator);
    }

    private static string EscapeBraces(string value) => value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);

    /// <summary>A YAML double-quoted scalar; its braces are made literal in the recipe (<c>{{</c>, <c>}}</c>) unless already escaped.</summary>
    private static string Quote(string value, bool bracesLiteral = true)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                '{' when bracesLiteral => "{{",
                '}' when bracesLiteral => "}}",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}
