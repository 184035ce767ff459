using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Recording;

/// <summary>A rectangle in a session file as <c>[x, y, width, height]</c>, as people and the CLI write regions.</summary>
internal sealed class RectJsonConverter : JsonConverter<Rect>
{
    public override Rect Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var values = JsonSerializer.Deserialize(ref reader, RecordingJsonContext.Default.Int32Array);
        return values is { Length: 4 }
            ? new Rect(values[0], values[1], values[2], values[3])
            : throw new JsonException($"Expected a rectangle as [x, y, width, height], found {(values is null ? "null" : $"{values.Length} numbers")}.");
    }

    public override void Write(Utf8JsonWriter writer, Rect value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.X);
        writer.WriteNumberValue(value.Y);
        writer.WriteNumberValue(value.Width);
        writer.WriteNumberValue(value.Height);
        writer.WriteEndArray();
    }
}
