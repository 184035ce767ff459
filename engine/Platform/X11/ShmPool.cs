using System.Runtime.Versioning;
using Dispatch.Engine.Capture;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// Shared-memory segments of one size, lent to frames so that a capture is never copied: a frame holds its
/// segment until disposed, and the next capture takes a free one (or a new one when every segment is lent).
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class ShmPool : IDisposable
{
    private readonly X11Connection _connection;
    private readonly long _segmentLength;
    private readonly Stack<ShmSegment> _free = new();
    private readonly Lock _lock = new();
    private bool _disposed;

    public ShmPool(X11Connection connection, long segmentLength)
    {
        _connection = connection;
        _segmentLength = segmentLength;
    }

    public Lease Rent()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var segment = _free.Count > 0 ? _free.Pop() : ShmSegment.Create(_connection, _segmentLength);
            return new Lease(this, segment);
        }
    }

    private void Return(ShmSegment segment)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                segment.Dispose();
            }
            else
            {
                _free.Push(segment);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            while (_free.Count > 0)
            {
                _free.Pop().Dispose();
            }
        }
    }

    /// <summary>One segment lent to one frame; disposing it gives the segment back.</summary>
    internal sealed unsafe class Lease : IFrameMemory
    {
        private readonly ShmPool _pool;
        private ShmSegment? _segment;

        public Lease(ShmPool pool, ShmSegment segment)
        {
            _pool = pool;
            _segment = segment;
        }

        public ShmSegment Segment => _segment ?? throw new ObjectDisposedException(nameof(Lease));

        public nint Pointer => (nint)Segment.Address;

        public long Length => Segment.Length;

        public void Dispose()
        {
            var segment = Interlocked.Exchange(ref _segment, null);
            if (segment is not null)
            {
                _pool.Return(segment);
            }
        }
    }
}
