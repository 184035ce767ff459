using System.Diagnostics;
using System.Text.Json;

namespace Dispatch.Agent.Cli;

/// <summary>
/// Where a running <c>dispatch run</c> records its virtual desktop, so that other commands act on it when no
/// display is given: <c>$XDG_STATE_HOME/dispatch/desktop.json</c> (default <c>~/.local/state</c>).
/// </summary>
internal static class DesktopSession
{
    private static string FilePath
    {
        get
        {
            var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
            if (string.IsNullOrEmpty(state))
            {
                state = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
            }
            return Path.Combine(state, "dispatch", "desktop.json");
        }
    }

    /// <summary>The display to use: the one given, else $DISPLAY, else a running virtual desktop's; null when none.</summary>
    public static string? ResolveDisplay(string? given)
    {
        if (!string.IsNullOrEmpty(given))
        {
            return given;
        }
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")))
        {
            return null;
        }
        return Read() is { } session && IsAlive(session.ProcessId) ? session.Display : null;
    }

    public static void Write(string display, IReadOnlyDictionary<string, string?> environment)
    {
        var path = FilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var record = new Record(display, Environment.ProcessId, environment.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!));
        File.WriteAllText(path, JsonSerializer.Serialize(record, AgentJsonContext.Default.Record));
    }

    public static void Remove()
    {
        if (Read() is { } session && session.ProcessId == Environment.ProcessId)
        {
            File.Delete(FilePath);
        }
    }

    private static Record? Read()
    {
        var path = FilePath;
        return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), AgentJsonContext.Default.Record) : null;
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process: a stale record from a run that was killed
        }
    }

    /// <summary>The recorded session.</summary>
    internal sealed record Record(string Display, int ProcessId, Dictionary<string, string> Environment);
}
