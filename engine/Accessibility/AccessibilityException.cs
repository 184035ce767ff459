namespace Dispatch.Engine.Accessibility;

/// <summary>
/// An accessibility call failed: no accessibility bus, an element that is gone or changed since the snapshot
/// (stale), or an action it does not offer. The message names the element and what was expected.
/// </summary>
public sealed class AccessibilityException : DispatchException
{
    /// <summary>Creates the exception.</summary>
    public AccessibilityException(string message) : base(message)
    {
    }
}
