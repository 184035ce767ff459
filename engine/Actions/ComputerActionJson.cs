using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Input;

namespace Dispatch.Engine.Actions;

/// <summary>
/// Reads and writes actions in exactly the JSON shape of Anthropic's computer-use tool input
/// (<c>{"action":"left_click","coordinate":[640,400],"text":"shift"}</c>), plus the element actions. Strict:
/// an unknown action, an unknown or missing field or a wrong type is an <see cref="ActionFormatException"/>.
/// </summary>
public static class ComputerActionJson
{
    private sealed record Shape(string Name, string[] Required, string[] Optional);

    private static readonly Dictionary<ActionKind, Shape> s_shapes = new()
    {
        [ActionKind.Key] = new("key", ["text"], []),
        [ActionKind.HoldKey] = new("hold_key", ["text", "duration"], []),
        [ActionKind.Type] = new("type", ["text"], []),
        [ActionKind.CursorPosition] = new("cursor_position", [], []),
        [ActionKind.MouseMove] = new("mouse_move", ["coordinate"], ["text"]),
        [ActionKind.LeftMouseDown] = new("left_mouse_down", [], ["coordinate"]),
        [ActionKind.LeftMouseUp] = new("left_mouse_up", [], ["coordinate"]),
        [ActionKind.LeftClick] = new("left_click", [], ["coordinate", "text"]),
        [ActionKind.LeftClickDrag] = new("left_click_drag", ["start_coordinate", "coordinate"], ["text"]),
        [ActionKind.RightClick] = new("right_click", [], ["coordinate", "text"]),
        [ActionKind.MiddleClick] = new("middle_click", [], ["coordinate", "text"]),
        [ActionKind.DoubleClick] = new("double_click", [], ["coordinate", "text"]),
        [ActionKind.TripleClick] = new("triple_click", [], ["coordinate", "text"]),
        [ActionKind.Scroll] = new("scroll", ["scroll_direction", "scroll_amount"], ["coordinate", "text"]),
        [ActionKind.Wait] = new("wait", ["duration"], []),
        [ActionKind.Screenshot] = new("screenshot", [], []),
        [ActionKind.Zoom] = new("zoom", ["region"], []),
        [ActionKind.ClickElement] = new("click_element", ["locator"], []),
        [ActionKind.SetText] = new("set_text", ["locator", "text"], []),
        [ActionKind.Invoke] = new("invoke", ["locator"], ["name"]),
    };

    private static readonly Dictionary<string, ActionKind> s_byName = s_shapes.ToDictionary(p => p.Value.Name, p => p.Key, StringComparer.Ordinal);

    /// <summary>The wire name of an action kind, e.g. <c>left_click</c>.</summary>
    public static string NameOf(ActionKind kind) => s_shapes[kind].Name;

    /// <summary>Parses one action object.</summary>
    /// <exception cref="ActionFormatException">The JSON is not a valid action; the message names the problem.</exception>
    public static ComputerAction Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            throw new ActionFormatException($"The action is not valid JSON: {error.Message}");
        }
        using (document)
        {
            return Parse(document.RootElement);
        }
    }

    /// <summary>Parses one action object from an element (e.g. a tool_use input).</summary>
    public static ComputerAction Parse(JsonElement input)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            throw new ActionFormatException($"An action must be a JSON object, not {input.ValueKind}.");
        }
        if (!input.TryGetProperty("action", out var actionProperty) || actionProperty.ValueKind != JsonValueKind.String)
        {
            throw new ActionFormatException("The action has no \"action\" string; expected e.g. {\"action\":\"left_click\",\"coordinate\":[640,400]}.");
        }
        var name = actionProperty.GetString()!;
        if (!s_byName.TryGetValue(name, out var kind))
        {
            throw new ActionFormatException($"Unknown action \"{name}\"; expected one of: {string.Join(", ", s_byName.Keys)}.");
        }
        var shape = s_shapes[kind];
        foreach (var property in input.EnumerateObject())
        {
            if (property.Name != "action" && !shape.Required.Contains(property.Name) && !shape.Optional.Contains(property.Name))
            {
                throw new ActionFormatException(
                    $"\"{name}\" takes no field \"{property.Name}\"; it takes {Describe(shape)}.");
            }
        }
        foreach (var required in shape.Required)
        {
            if (!input.TryGetProperty(required, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                throw new ActionFormatException($"\"{name}\" needs \"{required}\"; it takes {Describe(shape)}.");
            }
        }
        var action = new ComputerAction(kind);
        foreach (var property in input.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            action = property.Name switch
            {
                "action" => action,
                "coordinate" => action with { Coordinate = ReadPoint(name, property.Name, value) },
                "start_coordinate" => action with { StartCoordinate = ReadPoint(name, property.Name, value) },
                "text" => action with { Text = ReadString(name, property.Name, value) },
                "duration" => action with { Duration = ReadDuration(name, value) },
                "scroll_direction" => action with { ScrollDirection = ReadDirection(name, value) },
                "scroll_amount" => action with { ScrollAmount = ReadAmount(name, value) },
                "region" => action with { Region = ReadRegion(name, value) },
                "locator" => action with { Locator = ReadString(name, property.Name, value) },
                "name" => action with { ActionName = ReadString(name, property.Name, value) },
                _ => throw new ActionFormatException($"\"{name}\" takes no field \"{property.Name}\"."),
            };
        }
        return action;
    }

    /// <summary>Writes the action as the tool's JSON, fields in a fixed order.</summary>
    public static string Write(ComputerAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var buffer = new ArrayBufferWriter<byte>();
        // Relaxed escaping keeps text readable in journals ("ctrl+s", not "ctrl\u002Bs"); the output is still valid JSON.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("action", NameOf(action.Kind));
            if (action.StartCoordinate is { } start)
            {
                WritePoint(writer, "start_coordinate", start);
            }
            if (action.Coordinate is { } point)
            {
                WritePoint(writer, "coordinate", point);
            }
            if (action.ScrollDirection is { } direction)
            {
                writer.WriteString("scroll_direction", direction.ToString().ToLowerInvariant());
            }
            if (action.ScrollAmount is { } amount)
            {
                writer.WriteNumber("scroll_amount", amount);
            }
            if (action.Region is { } region)
            {
                writer.WriteStartArray("region");
                writer.WriteNumberValue(region.X);
                writer.WriteNumberValue(region.Y);
                writer.WriteNumberValue(region.Right);
                writer.WriteNumberValue(region.Bottom);
                writer.WriteEndArray();
            }
            if (action.Locator is { } locator)
            {
                writer.WriteString("locator", locator);
            }
            if (action.ActionName is { } actionName)
            {
                writer.WriteString("name", actionName);
            }
            if (action.Text is { } text)
            {
                writer.WriteString("text", text);
            }
            if (action.Duration is { } duration)
            {
                writer.WriteNumber("duration", duration);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Describe(Shape shape) =>
        shape.Required.Length + shape.Optional.Length == 0
            ? "no other fields"
            : string.Join(", ", shape.Required.Select(f => $"\"{f}\"").Concat(shape.Optional.Select(f => $"\"{f}\" (optional)")));

    private static Point ReadPoint(string action, string field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 2
            && IsInteger(value[0], out var x) && IsInteger(value[1], out var y))
        {
            if (x < 0 || y < 0)
            {
                throw new ActionFormatException($"\"{action}\" has \"{field}\" [{x}, {y}] with a negative number; expected pixels ≥ 0.");
            }
            return new Point(x, y);
        }
        throw new ActionFormatException($"\"{action}\" has \"{field}\" {value.GetRawText()}; expected [x, y] with two integers.");
    }

    /// <summary>A JSON number that is a whole 32-bit integer (asking a string for its number throws; this answers no).</summary>
    private static bool IsInteger(JsonElement value, out int number)
    {
        number = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out number);
    }

    private static string ReadString(string action, string field, JsonElement value) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new ActionFormatException($"\"{action}\" has \"{field}\" {value.GetRawText()}; expected a string.");

    private static double ReadDuration(string action, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.GetDouble() is var seconds and >= 0 and <= 100
            ? seconds
            : throw new ActionFormatException($"\"{action}\" has \"duration\" {value.GetRawText()}; expected seconds from 0 to 100.");

    private static int ReadAmount(string action, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var amount) && amount is >= 1 and <= 100
            ? amount
            : throw new ActionFormatException($"\"{action}\" has \"scroll_amount\" {value.GetRawText()}; expected an integer from 1 to 100.");

    private static ScrollDirection ReadDirection(string action, JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { } text
            && Enum.TryParse<ScrollDirection>(text, ignoreCase: true, out var direction) && text.All(char.IsLower)
            ? direction
            : throw new ActionFormatException($"\"{action}\" has \"scroll_direction\" {value.GetRawText()}; expected \"up\", \"down\", \"left\" or \"right\".");

    private static Rect ReadRegion(string action, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 4 && value.EnumerateArray().All(v => IsInteger(v, out _)))
        {
            var n = value.EnumerateArray().Select(v => v.GetInt32()).ToArray();
            if (n[2] > n[0] && n[3] > n[1] && n[0] >= 0 && n[1] >= 0)
            {
                return Rect.FromEdges(n[0], n[1], n[2], n[3]);
            }
        }
        throw new ActionFormatException(
            $"\"{action}\" has \"region\" {value.GetRawText()}; expected [x0, y0, x1, y1] with x1 > x0 ≥ 0 and y1 > y0 ≥ 0.");
    }

    private static void WritePoint(Utf8JsonWriter writer, string name, Point point)
    {
        writer.WriteStartArray(name);
        writer.WriteNumberValue(point.X);
        writer.WriteNumberValue(point.Y);
        writer.WriteEndArray();
    }

    /// <summary>Formats seconds the way the tool does (invariant culture).</summary>
    internal static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
