using System.Text.Json.Serialization;

namespace Dispatch.Engine.Platform.X11;

/// <summary>Source-generated JSON for the input ledger.</summary>
[JsonSerializable(typeof(X11InputLedger.Record))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext;
