using System.Text.Json.Serialization;

namespace Dispatch.Engine.Recording;

/// <summary>Source-generated JSON for session folders (camelCase, no nulls written, rectangles as [x, y, width, height]).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(RectJsonConverter)])]
[JsonSerializable(typeof(RecordedSession))]
[JsonSerializable(typeof(RecordedStep))]
[JsonSerializable(typeof(int[]))]
internal sealed partial class RecordingJsonContext : JsonSerializerContext;
