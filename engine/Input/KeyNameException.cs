namespace Dispatch.Engine.Input;

/// <summary>A key chord names a key that does not exist, or is malformed.</summary>
public sealed class KeyNameException : DispatchException
{
    /// <summary>Creates the exception for <paramref name="keyName"/>.</summary>
    public KeyNameException(string keyName, string message) : base(message) => KeyName = keyName;

    /// <summary>The name or chord that was not understood.</summary>
    public string KeyName { get; }
}
