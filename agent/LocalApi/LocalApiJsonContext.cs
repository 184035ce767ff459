using System.Text.Json.Serialization;
using Dispatch.Engine.Loop;

namespace Dispatch.Agent.LocalApi;

/// <summary>Source-generated JSON of the local API: camelCase, enums as strings.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScreenshotRequest))]
[JsonSerializable(typeof(ScreenshotReply))]
[JsonSerializable(typeof(IReadOnlyList<WindowDto>))]
[JsonSerializable(typeof(InspectRequest))]
[JsonSerializable(typeof(TreeReply))]
[JsonSerializable(typeof(FindRequest))]
[JsonSerializable(typeof(FindReply))]
[JsonSerializable(typeof(OcrRequest))]
[JsonSerializable(typeof(OcrReply))]
[JsonSerializable(typeof(StepRequest))]
[JsonSerializable(typeof(StepReply))]
[JsonSerializable(typeof(RecipeRequest))]
[JsonSerializable(typeof(RecipeReply))]
[JsonSerializable(typeof(ProblemReply))]
[JsonSerializable(typeof(LaunchRequest))]
[JsonSerializable(typeof(LaunchReply))]
[JsonSerializable(typeof(WindowRequest))]
[JsonSerializable(typeof(WaitWindowRequest))]
[JsonSerializable(typeof(WindowReply))]
[JsonSerializable(typeof(LocateRequest))]
[JsonSerializable(typeof(LocateReply))]
[JsonSerializable(typeof(WatchRequest))]
[JsonSerializable(typeof(WatchEvent))]
[JsonSerializable(typeof(IReadOnlyList<TaskSummaryDto>))]
[JsonSerializable(typeof(HostRecord))]
[JsonSerializable(typeof(HostStatusReply))]
[JsonSerializable(typeof(LoopEvent))]
public sealed partial class LocalApiJsonContext : JsonSerializerContext;
