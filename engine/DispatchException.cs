namespace Dispatch.Engine;

/// <summary>The root of every error Dispatch raises; the message names the bad value and what was expected.</summary>
public class DispatchException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public DispatchException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public DispatchException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
