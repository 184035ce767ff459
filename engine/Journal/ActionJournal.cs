using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Engine.Actions;

namespace Dispatch.Engine.Journal;

/// <summary>
/// An append-only JSONL journal per task, signed with the installation's <see cref="JournalKey"/> (schema 2).
/// <para>
/// Line 1 is the header, <c>{"schema":2,"created":…,"key":…,"key_fingerprint":…,"hash":…,"sig":…}</c>, naming the
/// public key (SubjectPublicKeyInfo, base64). Every later line is an entry, <c>{"seq":n,"time":…,</c> the record's
/// fields <c>,"prev":…,"hash":…,"sig":…}</c>. <c>hash</c> is the SHA-256 (hex) of the line's exact text without its
/// hash and sig (so ending <c>"prev":"…"}</c>); <c>prev</c> is the hash of the line before; <c>sig</c> is the key's
/// signature (base64) of <c>dispatch-journal-entry:{hash}</c>. After every entry, <c>&lt;journal&gt;.head</c> is
/// replaced by the signed last sequence number and hash, so entries cut from the end are detected too.
/// </para>
/// <para>
/// One writer at a time, across processes: every append takes an exclusive advisory lock (flock(2)) on
/// <c>&lt;journal&gt;.lock</c>, reads the journal's last line again under it (another process or another instance may
/// have appended since), checks that line's hash and signature, and chains the new entry to it. So two commands writing
/// one task's journal at once (two <c>dispatch act</c>) interleave their entries in one unbroken chain and lose none.
/// The lock is held only for the append itself (a write and two fsyncs), so a waiting writer blocks briefly.
/// </para>
/// <para>
/// What signing cannot stop: whoever can read the private key can write any journal; and a journal put back together
/// with its old head (a rollback) is only caught by comparing with a head kept elsewhere.
/// </para>
/// </summary>
public sealed partial class ActionJournal : IDisposable
{
    private const int Schema = 2;

    private static readonly JsonSerializerOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _path;
    private readonly JournalKey _key;
    private readonly bool _ownsKey;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    private ActionJournal(string path, JournalKey key, bool ownsKey, TimeProvider time)
    {
        _path = path;
        _key = key;
        _ownsKey = ownsKey;
        _time = time;
    }

    /// <summary>The journal file.</summary>
    public string Path => _path;

    /// <summary>Opens (or creates) a journal signed with the current user's key (<see cref="JournalKey.ForCurrentUser"/>).</summary>
    /// <exception cref="DispatchException">As <see cref="Open(string, JournalKey, TimeProvider?)"/>, or the key file is unusable.</exception>
    public static ActionJournal Open(string path, TimeProvider? time = null)
    {
        var key = JournalKey.ForCurrentUser();
        try
        {
            return Open(path, key, ownsKey: true, time ?? TimeProvider.System);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens (or creates) a journal, continuing its chain after verifying it against <paramref name="key"/>. The caller
    /// keeps owning <paramref name="key"/>.
    /// </summary>
    /// <exception cref="DispatchException">
    /// The journal is broken, signed by another key, or schema 1 (unsigned); or
    /// the journal is missing while its head says it had entries. The message says which and where.
    /// </exception>
    public static ActionJournal Open(string path, JournalKey key, TimeProvider? time = null) => Open(path, key, ownsKey: false, time ?? TimeProvider.System);

    private static ActionJournal Open(string path, JournalKey key, bool ownsKey, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(key);
        if (!key.CanSign)
        {
            throw new ArgumentException($"The key {key.Fingerprint} is a public key only; a journal needs the private key to sign.", nameof(key));
        }
        var full = System.IO.Path.GetFullPath(path);
        PrivateFile.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        using (FileLock.Take(LockPathOf(full)))
        {
            if (File.Exists(full))
            {
                var check = Check(full, key, out var previous);
                if (check.Schema == 1)
                {
                    throw new DispatchException($"The journal '{full}' is schema 1 (hash chain only, unsigned); signed entries are not added to it. " +
                        "Start a new journal (another file name) and keep this one as it is.");
                }
                if (!check.IsIntact)
                {
                    throw new DispatchException($"The journal '{full}' is {check}; refusing to append to a broken chain.");
                }
                // Catches the head up when a crash came between an entry and its head.
                JournalHead.Sign(check.Entries, previous, key).Write(full);
            }
            else
            {
                Create(full, key, time);
            }
        }
        return new ActionJournal(full, key, ownsKey, time);
    }

    /// <summary>
    /// Writes a record as the next entry, after whatever any writer appended last, and returns the entry's hash. Blocks
    /// while another writer appends.
    /// </summary>
    /// <exception cref="DispatchException">The journal's last line is not an entry signed by this journal's key (it was cut short or edited).</exception>
    public string Append(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock)
        {
            using var writer = FileLock.Take(LockPathOf(_path));
            // Shared: every writer opens it under the writers' lock, and readers (verify) may read it meanwhile.
            using var file = new FileStream(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            var (sequence, previous) = Tail(file);
            var entry = new JsonObject
            {
                ["seq"] = sequence + 1,
                ["time"] = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
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
            Add(entry, "decided_at", record.DecidedAt?.ToString("O", CultureInfo.InvariantCulture));
            Add(entry, "fingerprint", record.Fingerprint);
            Add(entry, "outcome", record.Outcome is { } outcome ? JournalWords.Of(outcome) : null);
            Add(entry, "detail", record.Detail);
            Add(entry, "output", record.Output);
            Add(entry, "elapsed_ms", record.ElapsedMilliseconds is { } ms ? Math.Round(ms, 3) : null);
            Add(entry, "changes", record.Changes is null ? null : new JsonArray([.. record.Changes.Select(c => JsonValue.Create(c))]));
            Add(entry, "before", record.BeforeThumbnail);
            Add(entry, "after", record.AfterThumbnail);
            entry["prev"] = previous;
            file.Seek(0, SeekOrigin.End);
            file.Write(Encoding.UTF8.GetBytes(Seal(entry, _key, out var hash)));
            // On disk before we go on: a crash must not lose an action that happened.
            file.Flush(flushToDisk: true);
            JournalHead.Sign(sequence + 1, hash, _key).Write(_path);
            return hash;
        }
    }

    /// <summary>The action with its typed text replaced, for steps that type a secret (password fields, values marked secret).</summary>
    public static ComputerAction Redact(ComputerAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Text is null ? action : action with { Text = "[redacted]" };
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

    /// <summary>Writes the header of a new journal and its head, then moves it into place: a crash leaves no journal or a whole one.</summary>
    private static void Create(string path, JournalKey key, TimeProvider time)
    {
        if (JournalHead.Read(path) is { Sequence: > 0 } stale)
        {
            throw new DispatchException($"The journal '{path}' is missing, but its head '{JournalHead.PathOf(path)}' says it had {stale.Sequence} entries; " +
                "restore the journal, or remove the head to start a new one.");
        }
        var header = new JsonObject
        {
            ["schema"] = Schema,
            ["created"] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["key"] = Convert.ToBase64String(key.PublicKey.Span),
            ["key_fingerprint"] = key.Fingerprint,
        };
        var temporary = path + ".new";
        string hash;
        using (var file = PrivateFile.Open(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(Encoding.UTF8.GetBytes(Seal(header, key, out hash)));
            file.Flush(flushToDisk: true);
        }
        JournalHead.Sign(0, hash, key).Write(path);
        File.Move(temporary, path);
    }

    /// <summary>The lock file of <paramref name="journal"/>.</summary>
    private static string LockPathOf(string journal) => journal + ".lock";

    private static string Seal(JsonObject entry, JournalKey key, out string hash)
    {
        var body = entry.ToJsonString(s_options);
        hash = HashOf(body);
        return $"{body[..^1]},\"hash\":\"{hash}\",\"sig\":\"{key.SignBase64(EntryMessage(hash))}\"}}\n";
    }

    private static byte[] EntryMessage(string hash) => Encoding.ASCII.GetBytes("dispatch-journal-entry:" + hash);

    private static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Releases the key, when <see cref="Open(string, TimeProvider?)"/> loaded it (no file stays open between appends).</summary>
    public void Dispose()
    {
        if (_ownsKey)
        {
            _key.Dispose();
        }
    }
}
