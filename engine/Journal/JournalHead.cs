using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dispatch.Engine.Journal;

/// <summary>
/// The chain's head, kept apart from the journal in <c>&lt;journal&gt;.head</c>: the last entry's sequence number and
/// hash, signed. Entries cut from the end of the journal leave their own chain intact, so only the head notices them.
/// </summary>
/// <param name="Sequence">The last entry's sequence number (0: only the header).</param>
/// <param name="Hash">The last entry's hash (the header's when there are no entries).</param>
/// <param name="Signature">The signature (base64) of <c>dispatch-journal-head:{seq}:{hash}</c>.</param>
internal sealed record JournalHead(long Sequence, string Hash, string Signature)
{
    /// <summary>The head file of <paramref name="journal"/>.</summary>
    public static string PathOf(string journal) => journal + ".head";

    /// <summary>A head for the entry <paramref name="sequence"/>, signed by <paramref name="key"/>.</summary>
    public static JournalHead Sign(long sequence, string hash, JournalKey key) => new(sequence, hash, key.SignBase64(MessageOf(sequence, hash)));

    /// <summary>The head of <paramref name="journal"/>, or null when it has none.</summary>
    /// <exception cref="DispatchException">The head file holds no head record.</exception>
    public static JournalHead? Read(string journal)
    {
        var path = PathOf(journal);
        if (!File.Exists(path))
        {
            return null;
        }
        var text = File.ReadAllText(path);
        try
        {
            using var head = JsonDocument.Parse(text);
            var root = head.RootElement;
            return new JournalHead(root.GetProperty("seq").GetInt64(), Text(root, "hash"), Text(root, "sig"));
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new DispatchException($"The head '{path}' is not a head record; expected {{\"seq\":…,\"hash\":…,\"sig\":…}}, found '{text.Trim()}'.", error);
        }
    }

    /// <summary>True when <paramref name="key"/> signed this head.</summary>
    public bool IsSignedBy(JournalKey key) => key.VerifyBase64(MessageOf(Sequence, Hash), Signature);

    /// <summary>Replaces the head of <paramref name="journal"/> atomically and durably (a temporary file, flushed, renamed over it).</summary>
    public void Write(string journal)
    {
        var path = PathOf(journal);
        var temporary = path + ".tmp";
        // Digits, hex and base64 need no escaping; written by hand so that '+' stays '+'.
        var record = string.Create(CultureInfo.InvariantCulture, $"{{\"seq\":{Sequence},\"hash\":\"{Hash}\",\"sig\":\"{Signature}\"}}\n");
        using (var file = PrivateFile.Open(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(Encoding.UTF8.GetBytes(record));
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static string Text(JsonElement record, string name) => record.GetProperty(name).GetString() ?? throw new FormatException($"{name} is null");

    // Its own prefix, so that an entry's signature (of "dispatch-journal-entry:{hash}") never passes as a head's.
    private static byte[] MessageOf(long sequence, string hash) =>
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"dispatch-journal-head:{sequence}:{hash}"));
}
