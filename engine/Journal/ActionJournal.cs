using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Engine.Actions;

namespace Dispatch.Engine.Journal;

/// <summary>
/// An append-only JSONL journal per task. Every entry carries its sequence number, the SHA-256 of the previous
/// entry and its own SHA-256 (over its exact text without the hash), so any change, removal or reordering of
/// entries is detected by <see cref="Verify"/>. Each entry is flushed to disk before <see cref="Append"/> returns.
/// </summary>
public sealed class ActionJournal : IDisposable
{
    private const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private const string HashField = ",\"hash\":\"";

    private static readonly JsonSerializerOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly FileStream _file;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private string _previous;
    private long _sequence;

    private ActionJournal(FileStream file, string previous, long sequence, TimeProvider time)
    {
        _file = file;
        _previous = previous;
        _sequence = sequence;
        _time = time;
    }

    /// <summary>The journal file.</summary>
    public string Path => _file.Name;

    /// <summary>Opens (or creates) a journal, continuing its chain.</summary>
    /// <exception cref="DispatchException">The existing journal is broken; the message says where.</exception>
    public static ActionJournal Open(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var previous = Genesis;
        long sequence = 0;
        if (File.Exists(full))
        {
            var check = Verify(full);
            if (!check.IsIntact)
            {
                throw new DispatchException($"The journal '{full}' is {check}; refusing to append to a broken chain.");
            }
            var last = File.ReadLines(full).LastOrDefault(l => l.Length > 0);
            if (last is not null)
            {
                var node = JsonNode.Parse(last)!.AsObject();
                previous = (string)node["hash"]!;
                sequence = (long)node["seq"]!;
            }
        }
        var file = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new ActionJournal(file, previous, sequence, time ?? TimeProvider.System);
    }

    /// <summary>Writes a record as the next entry and returns the entry's hash.</summary>
    public string Append(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock)
        {
            var entry = new JsonObject
            {
                ["seq"] = _sequence + 1,
                ["time"] = _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["task"] = record.Task,
            };
            Add(entry, "kind", JournalWords.Of(record.Kind));
            Add(entry, "step", record.Step);
            Add(entry, "action", record.Action is null ? null : JsonNode.Parse(record.Action));
            Add(entry, "target", record.Target);
            Add(entry, "risk", record.Risk is { } risk ? JournalWords.Of(risk) : null);
            Add(entry, "reason", record.Reason);
            Add(entry, "decision", record.Decision is { } decision ? JournalWords.Of(decision) : null);
            Add(entry, "decided_by", record.DecidedBy);
            Add(entry, "decided_at", record.DecidedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            Add(entry, "fingerprint", record.Fingerprint);
            Add(entry, "outcome", record.Outcome is { } outcome ? JournalWords.Of(outcome) : null);
            Add(entry, "detail", record.Detail);
            Add(entry, "output", record.Output);
            Add(entry, "elapsed_ms", record.ElapsedMilliseconds is { } ms ? Math.Round(ms, 3) : null);
            Add(entry, "changes", record.Changes is null ? null : new JsonArray([.. record.Changes.Select(c => JsonValue.Create(c))]));
            Add(entry, "before", record.BeforeThumbnail);
            Add(entry, "after", record.AfterThumbnail);
            entry["prev"] = _previous;
            var body = entry.ToJsonString(s_options);
            var hash = HashOf(body);
            var line = body[..^1] + HashField + hash + "\"}\n";
            _file.Write(Encoding.UTF8.GetBytes(line));
            // On disk before we go on: a crash must not lose an action that happened.
            _file.Flush(flushToDisk: true);
            _previous = hash;
            _sequence++;
            return hash;
        }
    }

    /// <summary>The action with its typed text replaced, for steps that type a secret (password fields, values marked secret).</summary>
    public static ComputerAction Redact(ComputerAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Text is null ? action : action with { Text = "[redacted]" };
    }

    /// <summary>Checks every entry's hash, its link to the previous entry and its sequence number.</summary>
    public static JournalVerification Verify(string path)
    {
        var previous = Genesis;
        long sequence = 0;
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0)
            {
                return new JournalVerification(false, number - 1, number, "an empty line");
            }
            var at = line.LastIndexOf(HashField, StringComparison.Ordinal);
            if (at < 0 || !line.EndsWith("\"}", StringComparison.Ordinal) || line.Length - at - HashField.Length - 2 != 64)
            {
                return new JournalVerification(false, number - 1, number, "the entry has no hash at its end");
            }
            var body = line[..at] + "}";
            var stored = line.Substring(at + HashField.Length, 64);
            if (HashOf(body) != stored)
            {
                return new JournalVerification(false, number - 1, number, "its content does not match its hash (the entry was changed)");
            }
            JsonObject entry;
            try
            {
                entry = JsonNode.Parse(body)!.AsObject();
            }
            catch (JsonException error)
            {
                return new JournalVerification(false, number - 1, number, $"it is not JSON: {error.Message}");
            }
            if ((string?)entry["prev"] != previous)
            {
                return new JournalVerification(false, number - 1, number, "it does not follow the entry before it (an entry was removed, inserted or moved)");
            }
            if ((long?)entry["seq"] != sequence + 1)
            {
                return new JournalVerification(false, number - 1, number, $"its sequence number is {entry["seq"]}, expected {sequence + 1}");
            }
            previous = stored;
            sequence++;
        }
        return new JournalVerification(true, number, null, null);
    }

    private static void Add(JsonObject entry, string name, JsonNode? value)
    {
        if (value is not null)
        {
            entry[name] = value;
        }
    }

    private static void Add(JsonObject entry, string name, string? value)
    {
        if (value is not null)
        {
            entry[name] = value;
        }
    }

    private static void Add(JsonObject entry, string name, int? value)
    {
        if (value is not null)
        {
            entry[name] = value;
        }
    }

    private static void Add(JsonObject entry, string name, double? value)
    {
        if (value is not null)
        {
            entry[name] = value;
        }
    }

    private static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Closes the file.</summary>
    public void Dispose() => _file.Dispose();
}
