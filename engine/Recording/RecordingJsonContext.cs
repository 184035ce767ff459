using System.Text.Json.Serialization;

namespace Dispatch.Engine.Recording;

/// <summary>Source-generated JSON for session folders (camelCase, no nulls written).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RecordedSession))]
[JsonSerializable(typeof(RecordedStep))]
internal sealed partial class RecordingJsonContext : JsonSerializerContext;
