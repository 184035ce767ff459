using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Dispatch.Engine.Capture;

/// <summary>Zeroed native memory, 64-byte aligned for vector loads, freed exactly once.</summary>
internal sealed unsafe class NativeBuffer : SafeHandleZeroOrMinusOneIsInvalid, IFrameMemory
{
    public NativeBuffer(long length) : base(ownsHandle: true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        Length = length;
        SetHandle((nint)NativeMemory.AlignedAlloc((nuint)length, 64));
        NativeMemory.Clear((void*)handle, (nuint)length);
    }

    public nint Pointer => handle;

    public long Length { get; }

    protected override bool ReleaseHandle()
    {
        NativeMemory.AlignedFree((void*)handle);
        return true;
    }
}
