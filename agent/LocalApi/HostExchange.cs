using System.Net.Sockets;
using System.Text;

namespace Dispatch.Agent.LocalApi;

/// <summary>
/// One request to a host and its answer over the host's Unix socket, in HTTP/1.1 with one connection per request
/// (<c>Connection: close</c>): the body is as long as the answer says, chunked (event streams, JSON replies), or runs
/// until the host closes the connection. Written for a CLI process that makes one or two requests and exits: it uses blocking socket calls, because
/// starting <see cref="HttpClient"/> and the thread pool's socket machinery costs more than the request itself
/// (≈ 90 ms of a 170 ms <c>dispatch status</c>). Cancelling shuts the socket down, which wakes a blocked read and tells
/// the host the client is gone (it stops the work and lets go of any key it held).
/// </summary>
internal sealed class HostExchange : IDisposable
{
    private const int MaxHeadBytes = 16 * 1024;

    private readonly Socket _socket;
    private readonly CancellationTokenRegistration _cancellation;

    private HostExchange(Socket socket, Stream body, int statusCode, string reasonPhrase, CancellationTokenRegistration cancellation)
    {
        _socket = socket;
        Body = body;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        _cancellation = cancellation;
    }

    /// <summary>The answer's status code.</summary>
    public int StatusCode { get; }

    /// <summary>The answer's reason phrase.</summary>
    public string ReasonPhrase { get; }

    /// <summary>The answer's body, until the host closes the connection.</summary>
    public Stream Body { get; }

    /// <summary>True for a 2xx answer.</summary>
    public bool Succeeded => StatusCode is >= 200 and <= 299;

    /// <summary>
    /// Connects to <paramref name="socketPath"/>, sends <paramref name="method"/> <paramref name="path"/> with
    /// <paramref name="jsonBody"/> (none when empty) and reads the status line and headers.
    /// </summary>
    /// <exception cref="SocketException">The host could not be reached (nothing was sent).</exception>
    /// <exception cref="IOException">The host stopped answering after the request was sent.</exception>
    public static HostExchange Send(string socketPath, string method, string path, ReadOnlySpan<byte> jsonBody, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            var cancellation = cancellationToken.UnsafeRegister(static state => ShutDown((Socket)state!), socket);
            try
            {
                // HTTP/1.1, not 1.0: Kestrel holds back a 1.0 event stream until it ends.
                var head = $"{method} /{path} HTTP/1.1\r\nHost: dispatch-host\r\nConnection: close\r\n" +
                           (method == "GET" ? "" : $"Content-Type: application/json\r\nContent-Length: {jsonBody.Length}\r\n") + "\r\n";
                var stream = new BufferedStream(new NetworkStream(socket, ownsSocket: false), 16 * 1024);
                try
                {
                    stream.Write(Encoding.ASCII.GetBytes(head));
                    stream.Write(jsonBody);
                    stream.Flush();
                    var (statusCode, reasonPhrase, chunked) = ReadHead(stream);
                    // Otherwise the body ends where the host closes the connection, as asked.
                    return new HostExchange(socket, chunked ? new ChunkedReadStream(stream) : stream, statusCode, reasonPhrase, cancellation);
                }
                catch (IOException) when (cancellationToken.IsCancellationRequested)
                {
                    stream.Dispose();
                    throw new OperationCanceledException(cancellationToken);
                }
                catch
                {
                    stream.Dispose();
                    throw;
                }
            }
            catch
            {
                cancellation.Dispose();
                throw;
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The whole body; a read ended by cancelling throws <see cref="OperationCanceledException"/>.</summary>
    public byte[] ReadBody(CancellationToken cancellationToken)
    {
        using var all = new MemoryStream();
        try
        {
            Body.CopyTo(all);
        }
        catch (IOException) when (cancellationToken.IsCancellationRequested)
        {
        }
        cancellationToken.ThrowIfCancellationRequested();
        return all.ToArray();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _cancellation.Dispose();
        Body.Dispose();
        _socket.Dispose();
    }

    private static (int StatusCode, string ReasonPhrase, bool Chunked) ReadHead(Stream stream)
    {
        // Status line and headers, up to the blank line; only the body's framing matters here.
        var statusLine = HttpLine.Read(stream, MaxHeadBytes, "its status line");
        var chunked = false;
        for (var line = HttpLine.Read(stream, MaxHeadBytes, "its headers"); line.Length > 0; line = HttpLine.Read(stream, MaxHeadBytes, "its headers"))
        {
            if (line.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase))
            {
                chunked = line.EndsWith("chunked", StringComparison.OrdinalIgnoreCase);
            }
        }
        // "HTTP/1.1 200 OK"
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(parts[1], out var statusCode))
        {
            throw new IOException($"the host answered with '{statusLine}', not an HTTP status line");
        }
        return (statusCode, parts.Length == 3 ? parts[2] : "", chunked);
    }

    private static void ShutDown(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (ObjectDisposedException)
        {
            // The exchange ended first.
        }
        catch (SocketException)
        {
            // Already disconnected: the blocked read has ended too.
        }
    }
}
