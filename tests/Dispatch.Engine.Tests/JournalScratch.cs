using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Journal;

namespace Dispatch.Engine.Tests;

/// <summary>
/// A temporary directory holding a journal and the key that signs it, and the tools of someone who can write the
/// journal but cannot read the key: re-hashing lines and re-linking the chain.
/// </summary>
internal sealed partial class JournalScratch : IDisposable
{
    private static readonly JsonSerializerOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public JournalScratch()
    {
        Folder = Directory.CreateTempSubdirectory("dispatch-journal-").FullName;
        Path = System.IO.Path.Combine(Folder, "task.jsonl");
        Key = JournalKey.LoadOrCreate(System.IO.Path.Combine(Folder, "state"));
    }

    public string Folder { get; }

    public string Path { get; }

    public string HeadPath => Path + ".head";

    public JournalKey Key { get; }

    public static JournalRecord Step(int i) => new()
    {
        Task = "export report",
        Step = i + 1,
        Action = ComputerActionJson.Write(new ComputerAction(ActionKind.LeftClick) { Coordinate = new(10 * i, 20) }),
        Risk = Safety.RiskLevel.Harmless,
        Decision = Safety.StepDecision.Allowed,
        Outcome = StepOutcome.Changed,
        Changes = [$"{i},0 10x10"],
    };

    /// <summary>Opens the journal with <paramref name="key"/> (default: <see cref="Key"/>) and appends <paramref name="count"/> steps.</summary>
    public void WriteSteps(int count, string? path = null, JournalKey? key = null)
    {
        using var journal = ActionJournal.Open(path ?? Path, key ?? Key);
        for (var i = 0; i < count; i++)
        {
            journal.Append(Step(i));
        }
    }

    public JournalVerification Verify() => ActionJournal.Verify(Path, Key);

    public string[] Lines() => File.ReadAllLines(Path);

    public void Write(IEnumerable<string> lines) => File.WriteAllLines(Path, lines);

    /// <summary>The line's "hash" field.</summary>
    public static string HashOf(string line) => (string)JsonNode.Parse(line)!["hash"]!;

    /// <summary>
    /// The line with <paramref name="edit"/> applied, its prev set, and its hash recomputed as the journal would; it keeps
    /// whatever signature it had, since only the key holder can sign.
    /// </summary>
    public static string Reseal(string line, string? prev, Action<JsonObject>? edit = null)
    {
        var seal = Seal().Match(line);
        var entry = JsonNode.Parse(seal.Groups["body"].Value + "}")!.AsObject();
        edit?.Invoke(entry);
        if (prev is not null)
        {
            entry["prev"] = prev;
        }
        var body = entry.ToJsonString(s_options);
        return $"{body[..^1]},\"hash\":\"{Sha256(body)}\"{seal.Groups["sig"].Value}}}";
    }

    /// <summary>Re-links every line from <paramref name="from"/> on to the line before it, as a forger would after an edit.</summary>
    public static void Rechain(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
        {
            lines[i] = Reseal(lines[i], HashOf(lines[i - 1]));
        }
    }

    /// <summary>Writes the journal by hand in schema 1 (no header, no signatures, the first entry chained to zeros).</summary>
    public void WriteSchemaOne(int count)
    {
        var previous = new string('0', 64);
        var lines = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var body = $"{{\"seq\":{i + 1},\"time\":\"2025-01-0{i + 1}T10:00:00.0000000+00:00\",\"task\":\"export report\",\"risk\":\"harmless\",\"prev\":\"{previous}\"}}";
            previous = Sha256(body);
            lines.Add($"{body[..^1]},\"hash\":\"{previous}\"}}");
        }
        Write(lines);
    }

    public void Dispose()
    {
        Key.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("""^(?<body>\{.*),"hash":"[0-9a-f]{64}"(?<sig>,"sig":"[^"]*")?\}$""")]
    private static partial Regex Seal();
}
