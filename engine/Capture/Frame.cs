using Dispatch.Engine.Geometry;
using OpenCvSharp;
using Rect = Dispatch.Engine.Geometry.Rect;

namespace Dispatch.Engine.Capture;

/// <summary>
/// Pixels of a screen area as 32-bit BGRX (blue, green, red, then a byte to ignore), rows <see cref="Stride"/>
/// bytes apart. A captured frame may borrow the capture's shared memory: dispose it promptly so the buffer can be
/// reused; <see cref="Clone"/> makes a copy that owns its memory.
/// </summary>
public sealed unsafe class Frame : IDisposable
{
    /// <summary>Bytes per pixel (BGRX).</summary>
    public const int BytesPerPixel = 4;

    private readonly IFrameMemory _memory;
    private bool _disposed;

    internal Frame(IFrameMemory memory, Rect bounds, int stride, long sequence, long timestamp, DateTimeOffset capturedAt)
    {
        if (stride < bounds.Width * BytesPerPixel || (long)stride * bounds.Height > memory.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride,
                $"A stride of {stride} bytes does not fit {bounds.Width}x{bounds.Height} pixels in {memory.Length} bytes.");
        }
        _memory = memory;
        Bounds = bounds;
        Stride = stride;
        Sequence = sequence;
        Timestamp = timestamp;
        CapturedAt = capturedAt;
    }

    /// <summary>Creates a black frame that owns its memory, for pixels made by code rather than captured.</summary>
    /// <param name="bounds">The screen area the frame stands for; its size is the frame's size.</param>
    /// <param name="sequence">The frame's <see cref="Sequence"/>.</param>
    /// <param name="time">The clock for <see cref="Timestamp"/>; the system clock when null.</param>
    public static Frame Create(Rect bounds, long sequence = 0, TimeProvider? time = null)
    {
        if (bounds.IsEmpty)
        {
            throw new ArgumentOutOfRangeException(nameof(bounds), bounds, "A frame needs a width and height of at least 1 pixel.");
        }
        var clock = time ?? TimeProvider.System;
        var stride = bounds.Width * BytesPerPixel;
        return new Frame(new NativeBuffer((long)stride * bounds.Height), bounds, stride, sequence, clock.GetTimestamp(), clock.GetUtcNow());
    }

    /// <summary>Where these pixels are on the screen, in physical screen pixels.</summary>
    public Rect Bounds { get; }

    /// <summary>Width in pixels.</summary>
    public int Width => Bounds.Width;

    /// <summary>Height in pixels.</summary>
    public int Height => Bounds.Height;

    /// <summary>Bytes from the start of one row to the start of the next.</summary>
    public int Stride { get; }

    /// <summary>Increases with every capture of the same screen, so a newer frame has a larger number.</summary>
    public long Sequence { get; }

    /// <summary>When the capture finished, as a <see cref="TimeProvider.GetTimestamp"/> value of the capturing clock.</summary>
    public long Timestamp { get; }

    /// <summary>When the capture finished, as wall-clock time (for people and journals).</summary>
    public DateTimeOffset CapturedAt { get; }

    /// <summary>All rows, including any padding at the end of each row.</summary>
    public ReadOnlySpan<byte> Pixels => new((void*)Base, checked(Stride * Height));

    /// <summary>The <see cref="Width"/> × 4 bytes of row <paramref name="y"/> (0 is the top row of the frame).</summary>
    public Span<byte> Row(int y)
    {
        if ((uint)y >= (uint)Height)
        {
            throw new ArgumentOutOfRangeException(nameof(y), y, $"Row must be within 0..{Height - 1}.");
        }
        return new Span<byte>((byte*)Base + (long)y * Stride, Width * BytesPerPixel);
    }

    /// <summary>The colour at frame coordinates as 0xRRGGBB.</summary>
    public int GetRgb(int x, int y)
    {
        if ((uint)x >= (uint)Width)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, $"Column must be within 0..{Width - 1}.");
        }
        var pixel = Row(y).Slice(x * BytesPerPixel, 3);
        return pixel[2] << 16 | pixel[1] << 8 | pixel[0];
    }

    /// <summary>Sets the colour (0xRRGGBB) of every pixel of <paramref name="area"/>, given in frame coordinates.</summary>
    public void Fill(Rect area, int rgb)
    {
        var clipped = area.Intersect(new Rect(0, 0, Width, Height));
        var pixel = (uint)rgb & 0xFFFFFF | 0xFF000000;
        for (var y = clipped.Y; y < clipped.Bottom; y++)
        {
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(Row(y)).Slice(clipped.X, clipped.Width).Fill(pixel);
        }
    }

    /// <summary>
    /// Wraps the pixels as a CV_8UC4 <see cref="Mat"/> without copying. The Mat is valid only while this frame is
    /// not disposed; the caller disposes the Mat.
    /// </summary>
    public Mat AsMat() => Mat.FromPixelData(Height, Width, MatType.CV_8UC4, Base, Stride);

    /// <summary>A copy of the pixels of <paramref name="screenArea"/> (screen coordinates) that owns its memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The area is not inside <see cref="Bounds"/>.</exception>
    public Frame Crop(Rect screenArea)
    {
        if (screenArea.IsEmpty || !Bounds.Contains(screenArea))
        {
            throw new ArgumentOutOfRangeException(nameof(screenArea), screenArea, $"The area {screenArea} must be non-empty and inside the frame's bounds {Bounds}.");
        }
        var copy = new Frame(new NativeBuffer((long)screenArea.Width * BytesPerPixel * screenArea.Height), screenArea,
            screenArea.Width * BytesPerPixel, Sequence, Timestamp, CapturedAt);
        var dx = screenArea.X - Bounds.X;
        var dy = screenArea.Y - Bounds.Y;
        for (var y = 0; y < screenArea.Height; y++)
        {
            Row(dy + y).Slice(dx * BytesPerPixel, screenArea.Width * BytesPerPixel).CopyTo(copy.Row(y));
        }
        return copy;
    }

    /// <summary>A copy of the whole frame that owns its memory.</summary>
    public Frame Clone() => Crop(Bounds);

    /// <summary>Releases the pixels (or returns the borrowed capture buffer). Safe to call twice.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _memory.Dispose();
        }
    }

    private nint Base
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _memory.Pointer;
        }
    }
}
