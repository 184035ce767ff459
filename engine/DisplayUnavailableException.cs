namespace Dispatch.Engine;

/// <summary>
/// The desktop cannot be reached: no display was given, the display cannot be opened, the X server went away
/// mid-run, or it lacks an extension Dispatch needs.
/// </summary>
public sealed class DisplayUnavailableException : DispatchException
{
    /// <summary>Creates the exception for <paramref name="displayName"/>.</summary>
    public DisplayUnavailableException(string? displayName, string message) : base(message) => DisplayName = displayName;

    /// <summary>The display that could not be used (e.g. <c>:99</c>), or null when none was given.</summary>
    public string? DisplayName { get; }
}
