using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>Captures the X screen with MIT-SHM (XShmGetImage into pooled shared segments) or XGetImage.</summary>
[SupportedOSPlatform("linux")]
internal sealed unsafe class X11Screen : IScreen
{
    private readonly X11Connection _connection;
    private readonly ShmPool? _pool;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private long _sequence;
    private bool _formatChecked;

    public X11Screen(string? displayName, CaptureMethod method, TimeProvider time)
    {
        _time = time;
        _connection = X11Connection.Open(displayName);
        try
        {
            var hasShm = LibXext.XShmQueryExtension(_connection.Handle) != 0;
            if (method == CaptureMethod.SharedMemory && !hasShm)
            {
                throw new DisplayUnavailableException(_connection.Name,
                    $"Display '{_connection.Name}' does not offer MIT-SHM (it may be remote); use the transfer capture method.");
            }
            Method = method == CaptureMethod.Auto ? (hasShm ? CaptureMethod.SharedMemory : CaptureMethod.Transfer) : method;
            if (Method == CaptureMethod.SharedMemory)
            {
                _pool = new ShmPool(_connection, (long)_connection.Size.Width * _connection.Size.Height * Frame.BytesPerPixel);
                // A display we cannot share memory with (e.g. over SSH) fails here; fall back when the caller let us choose.
                try
                {
                    _pool.Rent().Dispose();
                }
                catch (NativeCallException) when (method == CaptureMethod.Auto)
                {
                    _pool.Dispose();
                    _pool = null;
                    Method = CaptureMethod.Transfer;
                }
            }
            Monitors = ReadMonitors();
        }
        catch
        {
            _pool?.Dispose();
            _connection.Dispose();
            throw;
        }
    }

    public Rect Bounds => _connection.Bounds;

    public IReadOnlyList<DisplayMonitor> Monitors { get; }

    public CaptureMethod Method { get; }

    public Frame Capture() => Capture(Bounds);

    public Frame Capture(Rect region)
    {
        if (region.IsEmpty || !Bounds.Contains(region))
        {
            throw new ArgumentOutOfRangeException(nameof(region), region,
                $"The capture region {region} must be non-empty and inside the screen {Bounds}.");
        }
        lock (_lock)
        {
            _connection.ThrowIfLost();
            return _pool is not null ? CaptureShared(region) : CaptureTransfer(region);
        }
    }

    private Frame CaptureShared(Rect region)
    {
        var lease = _pool!.Rent();
        try
        {
            var image = lease.Segment.ImageOf(_connection, region.Width, region.Height);
            CheckFormat(image);
            if (LibXext.XShmGetImage(_connection.Handle, _connection.Root, image, region.X, region.Y, LibX11.AllPlanes) == 0)
            {
                _connection.ThrowIfLost();
                throw new NativeCallException("XShmGetImage", $"the server returned no image for {region}");
            }
            return NewFrame(lease, region, image->bytes_per_line);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    private Frame CaptureTransfer(Rect region)
    {
        X11Errors.Clear();
        var image = LibX11.XGetImage(_connection.Handle, _connection.Root, region.X, region.Y, (uint)region.Width, (uint)region.Height,
            LibX11.AllPlanes, LibX11.ZPixmap);
        if (image == null)
        {
            _connection.ThrowIfLost();
            var detail = X11Errors.TryTake(out var error) ? X11Errors.Describe(error) : "no image";
            throw new NativeCallException("XGetImage", $"{detail} for {region}");
        }
        var memory = new XImageMemory(image);
        try
        {
            CheckFormat(image);
            return NewFrame(memory, region, image->bytes_per_line);
        }
        catch
        {
            memory.Dispose();
            throw;
        }
    }

    private Frame NewFrame(IFrameMemory memory, Rect region, int stride) =>
        new(memory, region, stride, Interlocked.Increment(ref _sequence), _time.GetTimestamp(), _time.GetUtcNow());

    private void CheckFormat(LibX11.XImage* image)
    {
        if (_formatChecked)
        {
            return;
        }
        if (image->bits_per_pixel != 32 || image->red_mask != 0xFF0000 || image->green_mask != 0xFF00 || image->blue_mask != 0xFF)
        {
            throw new DisplayUnavailableException(_connection.Name,
                $"Display '{_connection.Name}' uses {image->bits_per_pixel}-bit pixels with red mask 0x{image->red_mask:x}; expected 32-bit TrueColor (red 0xff0000, green 0xff00, blue 0xff), e.g. Xvfb -screen 0 1920x1080x24.");
        }
        _formatChecked = true;
    }

    private List<DisplayMonitor> ReadMonitors()
    {
        var monitors = new List<DisplayMonitor>();
        if (LibXrandr.XRRQueryExtension(_connection.Handle, out _, out _) != 0)
        {
            var list = LibXrandr.XRRGetMonitors(_connection.Handle, _connection.Root, 1, out var count);
            if (list != null)
            {
                try
                {
                    for (var i = 0; i < count; i++)
                    {
                        var info = list[i];
                        monitors.Add(new DisplayMonitor(_connection.AtomName(info.name) ?? $"monitor-{i}",
                            new Rect(info.x, info.y, info.width, info.height), info.primary != 0));
                    }
                }
                finally
                {
                    LibXrandr.XRRFreeMonitors(list);
                }
            }
        }
        if (monitors.Count == 0)
        {
            monitors.Add(new DisplayMonitor("screen", Bounds, IsPrimary: true));
        }
        // Primary first; Xvfb reports one monitor without the primary flag.
        return [.. monitors.OrderByDescending(m => m.IsPrimary).ThenBy(m => m.Bounds.X).ThenBy(m => m.Bounds.Y)];
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _pool?.Dispose();
            _connection.Dispose();
        }
    }
}
