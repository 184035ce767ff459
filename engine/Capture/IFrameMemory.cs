namespace Dispatch.Engine.Capture;

/// <summary>The pixel memory behind a <see cref="Frame"/>: owned native memory or a lease on a platform buffer.</summary>
internal interface IFrameMemory : IDisposable
{
    /// <summary>The first byte; valid until <see cref="IDisposable.Dispose"/>.</summary>
    nint Pointer { get; }

    /// <summary>Bytes available from <see cref="Pointer"/>.</summary>
    long Length { get; }
}
