using System.Text.Json;

namespace Dispatch.Engine.Recording;

/// <summary>
/// The files of a recorded session: <c>session.json</c> and <c>steps.jsonl</c> (format <see cref="RecordedSession.CurrentVersion"/>),
/// written readable (quotes and non-ASCII text as they are) since people read and edit them.
/// </summary>
public static class SessionFolder
{
    /// <summary>The session file's name.</summary>
    public const string SessionFile = "session.json";

    /// <summary>The steps file's name: one JSON object per line.</summary>
    public const string StepsFile = "steps.jsonl";

    internal static readonly JsonSerializerOptions Json = new(RecordingJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads a session's environment.</summary>
    /// <exception cref="DispatchException">The file is missing, not JSON of this shape, or of another format version.</exception>
    public static RecordedSession ReadSession(string folder)
    {
        var path = Path.Combine(folder, SessionFile);
        var session = Read<RecordedSession>(path, 1,
            File.Exists(path) ? File.ReadAllText(path) : throw new DispatchException($"'{folder}' is not a recorded session: it has no {SessionFile}."));
        return session.Version == RecordedSession.CurrentVersion
            ? session
            : throw new DispatchException($"{path}: format version {session.Version}; this Dispatch reads version {RecordedSession.CurrentVersion}.");
    }

    /// <summary>Reads a session's steps in order.</summary>
    /// <exception cref="DispatchException">A line is not a step; the message names the file and line.</exception>
    public static IReadOnlyList<RecordedStep> ReadSteps(string folder)
    {
        var path = Path.Combine(folder, StepsFile);
        var lines = File.Exists(path) ? File.ReadAllLines(path) : throw new DispatchException($"'{folder}' is not a recorded session: it has no {StepsFile}.");
        return [.. lines.Select((line, i) => (line, i)).Where(l => l.line.Length > 0).Select(l => Read<RecordedStep>(path, l.i + 1, l.line))];
    }

    private static T Read<T>(string path, int line, string json) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Json.GetTypeInfo(typeof(T)))
                ?? throw new DispatchException($"{path}:{line}: expected a {typeof(T).Name}, found null.");
        }
        catch (JsonException error)
        {
            throw new DispatchException($"{path}:{line}: not a {typeof(T).Name}: {error.Message}", error);
        }
    }
}
