namespace Dispatch.Engine.Input;

/// <summary>The display's input could not be had: another process kept it too long, or keys are held that no program can release.</summary>
public sealed class InputBusyException : DispatchException
{
    /// <summary>Creates the exception with a message naming who or what holds the input.</summary>
    public InputBusyException(string message) : base(message)
    {
    }
}
