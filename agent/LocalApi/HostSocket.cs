using System.Net.Sockets;
using System.Text.Json;
using Dispatch.Engine;
using Dispatch.Engine.Platform.X11;

namespace Dispatch.Agent.LocalApi;

/// <summary>
/// Where the host of a display listens and how a client finds it: <c>host-&lt;display&gt;.sock</c> (0600) in the
/// <see cref="RuntimeDirectory"/>, beside a lock file only the live host holds and a record naming it. One host per
/// display; a socket left by a killed host answers nothing and is replaced by the next.
/// </summary>
public static class HostSocket
{
    /// <summary>The display as hosts are keyed: its server (<c>:99.0</c> and <c>:99</c> are the same), as the input lock is.</summary>
    public static string Normalise(string display) => X11DisplayName.ServerOf(display);

    /// <summary>The socket of <paramref name="display"/>'s host.</summary>
    public static string PathFor(string display) => Path.Combine(RuntimeDirectory.ForCurrentUser, $"host-{Key(display)}.sock");

    /// <summary>The lock file the live host of <paramref name="display"/> holds.</summary>
    public static string LockPathFor(string display) => Path.Combine(RuntimeDirectory.ForCurrentUser, $"host-{Key(display)}.lock");

    /// <summary>The record of who hosts <paramref name="display"/>.</summary>
    public static string RecordPathFor(string display) => Path.Combine(RuntimeDirectory.ForCurrentUser, $"host-{Key(display)}.json");

    /// <summary>True when a host answers on <paramref name="display"/>'s socket.</summary>
    public static bool IsLive(string display) => Answers(PathFor(display));

    /// <summary>The record of <paramref name="display"/>'s host, or null when there is none or it cannot be read.</summary>
    public static HostRecord? ReadRecord(string display) => ReadRecordFile(RecordPathFor(display));

    /// <summary>Every display whose host answers now.</summary>
    public static IReadOnlyList<HostRecord> LiveHosts() =>
        Directory.EnumerateFiles(RuntimeDirectory.ForCurrentUser, "host-*.json")
            .Select(f => ReadRecordFile(f))
            .OfType<HostRecord>()
            .Where(r => Answers(r.Socket))
            .ToList();

    private static HostRecord? ReadRecordFile(string path)
    {
        // Missing, half-written by a host that was killed, or corrupt: no record; the next host rewrites it.
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), LocalApiJsonContext.Default.HostRecord);
        }
        catch (Exception error) when (error is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool Answers(string socketPath)
    {
        if (!File.Exists(socketPath))
        {
            return false;
        }
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (SocketException)
        {
            // Refused: a socket file left by a host that was killed.
            return false;
        }
    }

    private static string Key(string display) =>
        string.Concat(Normalise(display).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_'));
}
