namespace Dispatch.Engine.Actions;

/// <summary>An action's JSON is malformed: an unknown action, a missing or mistyped field; the message names it.</summary>
public sealed class ActionFormatException : DispatchException
{
    /// <summary>Creates the exception.</summary>
    public ActionFormatException(string message) : base(message)
    {
    }
}
