using System.Globalization;

namespace Dispatch.Agent.LocalApi;

/// <summary>
/// The body of an HTTP/1.1 answer sent with <c>Transfer-Encoding: chunked</c>, as the plain bytes it carries: read-only,
/// forward-only, ending at the last (empty) chunk. Kestrel streams event streams and JSON replies this way.
/// </summary>
internal sealed class ChunkedReadStream(Stream inner) : Stream
{
    private const int MaxChunkLineBytes = 1024;

    private long _leftInChunk;
    private bool _ended;

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty || _ended)
        {
            return 0;
        }
        if (_leftInChunk == 0)
        {
            _leftInChunk = NextChunkSize();
            if (_leftInChunk == 0)
            {
                _ended = true;
                return 0;
            }
        }
        var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, _leftInChunk)]);
        if (read == 0)
        {
            throw new IOException("the host's answer ended inside a chunk");
        }
        _leftInChunk -= read;
        if (_leftInChunk == 0)
        {
            ExpectLineEnd();
        }
        return read;
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>"1a2b[;extension]\r\n": the size of the next chunk, 0 for the last.</summary>
    private long NextChunkSize()
    {
        var line = ReadLine();
        var size = line.Split(';', 2)[0].Trim();
        if (!long.TryParse(size, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var length) || length < 0)
        {
            throw new IOException($"the host's answer has '{line}' where a chunk size was expected");
        }
        if (length == 0)
        {
            // Trailers, if any, up to the blank line.
            while (ReadLine().Length > 0)
            {
            }
        }
        return length;
    }

    private void ExpectLineEnd()
    {
        if (ReadLine().Length != 0)
        {
            throw new IOException("the host's answer has a chunk longer than its size");
        }
    }

    private string ReadLine() => HttpLine.Read(inner, MaxChunkLineBytes, "its chunk framing");
}
