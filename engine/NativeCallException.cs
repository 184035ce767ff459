namespace Dispatch.Engine;

/// <summary>A native call failed; the message names the function and the error (errno or X error code).</summary>
public sealed class NativeCallException : DispatchException
{
    /// <summary>Creates the exception for <paramref name="function"/>.</summary>
    public NativeCallException(string function, string detail) : base($"{function} failed: {detail}") => Function = function;

    /// <summary>The native function that failed, e.g. <c>shmget</c> or <c>XShmAttach</c>.</summary>
    public string Function { get; }
}
