using System.Text.Json.Serialization;
using Dispatch.Engine.Windowing;

namespace Dispatch.Agent.Cli;

/// <summary>Source-generated JSON for what the CLI reads and writes.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DesktopSession.Record))]
[JsonSerializable(typeof(IReadOnlyList<WindowInfo>))]
[JsonSerializable(typeof(Dispatch.Engine.Accessibility.UiTree))]
internal sealed partial class AgentJsonContext : JsonSerializerContext;
