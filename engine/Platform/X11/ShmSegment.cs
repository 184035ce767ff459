using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// A System V shared-memory segment attached to this process and to the X server (MIT-SHM). It is marked for
/// removal as soon as both are attached, so the kernel frees it when the last one detaches — even when this
/// process is killed — and it can never be leaked.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed unsafe class ShmSegment : SafeHandleZeroOrMinusOneIsInvalid
{
    private readonly DisplayHandle _display;
    private readonly LibXext.XShmSegmentInfo* _info;
    private LibX11.XImage* _image;
    private bool _displayReferenced;

    private ShmSegment(X11Connection connection, long length) : base(ownsHandle: true)
    {
        _display = connection.Handle;
        _display.DangerousAddRef(ref _displayReferenced);
        _info = (LibXext.XShmSegmentInfo*)NativeMemory.AllocZeroed((nuint)sizeof(LibXext.XShmSegmentInfo));
        Length = length;
    }

    /// <summary>Bytes in the segment.</summary>
    public long Length { get; }

    public byte* Address => (byte*)handle;

    /// <summary>Creates a segment of <paramref name="length"/> bytes and attaches it to both sides.</summary>
    public static ShmSegment Create(X11Connection connection, long length)
    {
        var segment = new ShmSegment(connection, length);
        try
        {
            segment.Attach(connection);
            return segment;
        }
        catch
        {
            segment.Dispose();
            throw;
        }
    }

    private void Attach(X11Connection connection)
    {
        var id = LibC.shmget(LibC.IPC_PRIVATE, (nuint)Length, LibC.IPC_CREAT | 0x180 /* 0600 */);
        if (id < 0)
        {
            throw new NativeCallException("shmget", $"{LibC.LastError()} for {Length} bytes");
        }
        var address = LibC.shmat(id, null, 0);
        if (address == (byte*)-1)
        {
            var error = LibC.LastError();
            LibC.shmctl(id, LibC.IPC_RMID, null);
            throw new NativeCallException("shmat", error);
        }
        SetHandle((nint)address);
        _info->shmid = id;
        _info->shmaddr = address;
        _info->readOnly = 0;
        try
        {
            X11Errors.Clear();
            if (LibXext.XShmAttach(connection.Handle, _info) == 0)
            {
                throw new NativeCallException("XShmAttach", "the server refused the segment");
            }
            connection.SyncAndCheck("XShmAttach");
        }
        finally
        {
            // Both sides hold it now (or the attach failed): the segment lives only as long as its attachments.
            LibC.shmctl(id, LibC.IPC_RMID, null);
        }
    }

    /// <summary>An XImage header of <paramref name="width"/> × <paramref name="height"/> over this segment's memory.</summary>
    public LibX11.XImage* ImageOf(X11Connection connection, int width, int height)
    {
        if (_image != null && _image->width == width && _image->height == height)
        {
            return _image;
        }
        if (_image != null)
        {
            // For MIT-SHM images this frees the header only; the pixels stay in the segment.
            LibX11.XDestroyImage(_image);
            _image = null;
        }
        var depth = (uint)LibX11.XDefaultDepth(connection.Handle, connection.Screen);
        var image = LibXext.XShmCreateImage(connection.Handle, LibX11.XDefaultVisual(connection.Handle, connection.Screen), depth,
            LibX11.ZPixmap, (byte*)handle, _info, (uint)width, (uint)height);
        if (image == null)
        {
            throw new NativeCallException("XShmCreateImage", $"no image of {width}x{height} at depth {depth}");
        }
        if ((long)image->bytes_per_line * height > Length)
        {
            LibX11.XDestroyImage(image);
            throw new NativeCallException("XShmCreateImage", $"{width}x{height} needs more than the segment's {Length} bytes");
        }
        _image = image;
        return image;
    }

    protected override bool ReleaseHandle()
    {
        if (_image != null)
        {
            LibX11.XDestroyImage(_image);
            _image = null;
        }
        if (!_display.IsClosed && !_display.IsLost)
        {
            LibXext.XShmDetach(_display, _info);
            LibX11.XSync(_display, 0);
        }
        LibC.shmdt((void*)handle);
        NativeMemory.Free(_info);
        if (_displayReferenced)
        {
            _display.DangerousRelease();
        }
        return true;
    }
}
