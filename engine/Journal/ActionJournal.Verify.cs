using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dispatch.Engine.Journal;

public sealed partial class ActionJournal
{
    // Schema 1 chained its first entry to this; schema 2 chains it to the header.
    private const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Checks a journal against the current user's key (<see cref="JournalKey.ForCurrentUser"/>).</summary>
    /// <exception cref="IOException">The journal cannot be read.</exception>
    /// <exception cref="DispatchException">The current user's key file is unusable.</exception>
    public static JournalVerification Verify(string path)
    {
        using var key = JournalKey.ForCurrentUser();
        return Verify(path, key);
    }

    /// <summary>
    /// Checks, trusting nothing in the file: that the header names <paramref name="trusted"/>; every entry's hash, its
    /// link to the line before, its sequence number and its signature by <paramref name="trusted"/>; and that the signed
    /// head agrees with the file's end. A schema 1 journal (no header, no signatures) gets only its hash chain checked and
    /// is never <see cref="JournalVerification.IsSigned"/>.
    /// </summary>
    /// <exception cref="IOException">The journal cannot be read.</exception>
    public static JournalVerification Verify(string path, JournalKey trusted) => Check(path, trusted, out _);

    private static JournalVerification Check(string path, JournalKey trusted, out string last)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(trusted);
        var full = System.IO.Path.GetFullPath(path);
        var headPath = JournalHead.PathOf(full);
        // Read before the file: an entry appended in between then leaves the head behind the file (which is allowed),
        // never ahead of it.
        JournalHead? head = null;
        string? headProblem = null;
        try
        {
            head = JournalHead.Read(full);
        }
        catch (DispatchException error)
        {
            headProblem = error.Message;
        }

        var schema = 0;
        string? fingerprint = null;
        var previous = Genesis;
        string? hashAtHead = null;
        var entries = 0;
        var number = 0;
        last = previous;
        JournalVerification Broken(int? line, string problem) => new(false, entries, line, problem, schema, fingerprint);

        foreach (var line in BoundedLines(full))
        {
            number++;
            var seal = SealedLine().Match(line);
            if (!seal.Success)
            {
                return Broken(number, line.Length == 0 ? "an empty line" : "the line does not end with its hash and signature (it was cut short or edited)");
            }
            var body = seal.Groups["body"].Value + "}";
            var hash = seal.Groups["hash"].Value;
            if (HashOf(body) != hash)
            {
                return Broken(number, "its content does not match its hash (the entry was changed)");
            }
            using var document = ParseObject(body);
            if (document is null)
            {
                return Broken(number, "it is not a JSON object");
            }
            var entry = document.RootElement;
            if (number == 1 && entry.TryGetProperty("schema", out var declared))
            {
                if (declared.GetRawText() != "2")
                {
                    return Broken(number, $"its schema is {declared.GetRawText()}; expected 2 (or no header: schema 1)");
                }
                schema = Schema;
                var key = JournalKey.FromBase64(Text(entry, "key"));
                if (key is null)
                {
                    return Broken(number, "the header names no key");
                }
                fingerprint = JournalKey.FingerprintOf(key);
                if (!key.AsSpan().SequenceEqual(trusted.PublicKey.Span))
                {
                    return Broken(number, $"signed by key {fingerprint}, not the trusted key {trusted.Fingerprint}");
                }
                if (!trusted.VerifyBase64(EntryMessage(hash), SignatureOf(seal)))
                {
                    return Broken(number, "the header's signature does not verify with the trusted key (it was forged)");
                }
                previous = hash;
                if (head?.Sequence == 0)
                {
                    hashAtHead = hash;
                }
                continue;
            }
            if (number == 1)
            {
                schema = 1;
            }
            if (schema == Schema && !trusted.VerifyBase64(EntryMessage(hash), SignatureOf(seal)))
            {
                return Broken(number, "its signature does not verify with the trusted key (the entry was forged, or re-chained after an edit)");
            }
            if (Text(entry, "prev") != previous)
            {
                return Broken(number, "it does not follow the line before it (an entry was removed, inserted or moved)");
            }
            if (!entry.TryGetProperty("seq", out var seq) || seq.ValueKind != JsonValueKind.Number || !seq.TryGetInt64(out var n) || n != entries + 1)
            {
                return Broken(number, $"its sequence number is {(seq.ValueKind == JsonValueKind.Undefined ? "missing" : seq.GetRawText())}, expected {entries + 1}");
            }
            previous = hash;
            entries++;
            if (head?.Sequence == entries)
            {
                hashAtHead = hash;
            }
        }

        if (number == 0)
        {
            return Broken(1, "the file is empty; a journal starts with its header line");
        }
        if (schema == 1)
        {
            if (head is not null || headProblem is not null)
            {
                return Broken(null, $"it has no signatures, yet it has a head '{headPath}', which only signed journals have: it was rewritten without them");
            }
            last = previous;
            return new JournalVerification(true, entries, null, null, schema, null);
        }
        if (headProblem is not null)
        {
            return Broken(null, headProblem);
        }
        if (head is null)
        {
            return Broken(null, $"its head '{headPath}' is missing; a signed journal always has one, so entries may have been removed from its end");
        }
        if (!head.IsSignedBy(trusted))
        {
            return Broken(null, $"its head '{headPath}' is not signed by the trusted key {trusted.Fingerprint} (it was forged)");
        }
        if (head.Sequence > entries)
        {
            return Broken(number + 1, $"the head says {head.Sequence} entries, the file ends at {entries} (entries were removed from its end)");
        }
        // A head behind the file is a crash between an entry and its head: the entries after it are signed, so none is forged.
        if (head.Hash != hashAtHead)
        {
            return Broken((int)head.Sequence + 1, $"the head's hash for entry {head.Sequence} is not the file's (the file was replaced)");
        }
        last = previous;
        return new JournalVerification(true, entries, null, null, schema, fingerprint);
    }

    /// <summary>
    /// The sequence number and hash of the journal's last line (the header's: 0), read under the writers' lock: the
    /// chain continues from what is in the file, not from what this instance wrote last. The line must be sealed and
    /// signed by this journal's key, so an append never chains onto a line cut short or forged.
    /// </summary>
    private (long Sequence, string Hash) Tail(FileStream file)
    {
        var end = file.Length - 1;
        Span<byte> last = stackalloc byte[1];
        file.Position = Math.Max(0, end);
        if (end < 0 || file.Read(last) != 1 || last[0] != (byte)'\n')
        {
            throw new DispatchException($"The journal '{_path}' does not end with a whole line (it was cut short); refusing to append to a broken chain.");
        }
        var buffer = new byte[64 * 1024];
        var start = 0L;
        for (var position = end; position > 0;)
        {
            var chunk = (int)Math.Min(buffer.Length, position);
            position -= chunk;
            file.Position = position;
            file.ReadExactly(buffer, 0, chunk);
            var newline = buffer.AsSpan(0, chunk).LastIndexOf((byte)'\n');
            if (newline >= 0)
            {
                start = position + newline + 1;
                break;
            }
            if (end - position > MaxLineLength)
            {
                throw new DispatchException($"The journal '{_path}' ends with a line longer than {MaxLineLength / 1024 / 1024} MiB; expected a journal entry.");
            }
        }
        var bytes = new byte[end - start];
        file.Position = start;
        file.ReadExactly(bytes);
        var line = System.Text.Encoding.UTF8.GetString(bytes);
        var seal = SealedLine().Match(line);
        if (!seal.Success || HashOf(seal.Groups["body"].Value + "}") != seal.Groups["hash"].Value
            || !_key.VerifyBase64(EntryMessage(seal.Groups["hash"].Value), SignatureOf(seal)))
        {
            throw new DispatchException($"The journal '{_path}' ends with a line that is not an entry sealed and signed by key {_key.Fingerprint} " +
                "(it was cut short, edited or forged); refusing to append to a broken chain.");
        }
        using var document = ParseObject(seal.Groups["body"].Value + "}")!;
        var sequence = document.RootElement.TryGetProperty("seq", out var seq) && seq.TryGetInt64(out var n) ? n : 0;
        return (sequence, seal.Groups["hash"].Value);
    }

    /// <summary>A line is its body, then its hash and (schema 2) its signature, and nothing after.</summary>
    [GeneratedRegex("""^(?<body>\{.*),"hash":"(?<hash>[0-9a-f]{64})"(?:,"sig":"(?<sig>[A-Za-z0-9+/]+={0,2})")?\}$""")]
    private static partial Regex SealedLine();

    private static string? SignatureOf(Match seal) => seal.Groups["sig"].Success ? seal.Groups["sig"].Value : null;

    /// <summary>The line's body as JSON (an object, since <see cref="SealedLine"/> matched a leading brace), or null.</summary>
    private static JsonDocument? ParseObject(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The longest line a journal may have: an entry with two thumbnails is a few tens of kilobytes.</summary>
    private const int MaxLineLength = 8 * 1024 * 1024;

    /// <summary>The file's lines, refusing what is not a journal before reading it whole (a device such as /dev/zero, a line without end).</summary>
    /// <exception cref="DispatchException">The path is not a file, or a line is longer than <see cref="MaxLineLength"/>.</exception>
    private static IEnumerable<string> BoundedLines(string path)
    {
        if (!File.Exists(path))
        {
            throw new DispatchException($"'{path}' is not a file; expected a journal (.jsonl).");
        }
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        var line = new System.Text.StringBuilder();
        var buffer = new char[64 * 1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != '\n')
                {
                    continue;
                }
                line.Append(buffer, start, i - start);
                yield return line.ToString();
                line.Clear();
                start = i + 1;
            }
            line.Append(buffer, start, read - start);
            if (line.Length > MaxLineLength)
            {
                throw new DispatchException($"'{path}' has a line longer than {MaxLineLength / 1024 / 1024} MiB; expected a journal (.jsonl).");
            }
        }
        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
