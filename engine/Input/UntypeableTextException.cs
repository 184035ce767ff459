namespace Dispatch.Engine.Input;

/// <summary>Text holds a character no key can produce (a control character other than newline and tab).</summary>
public sealed class UntypeableTextException : DispatchException
{
    /// <summary>Creates the exception for the character at <paramref name="index"/>.</summary>
    public UntypeableTextException(string text, int index, string message) : base(message)
    {
        Text = text;
        Index = index;
    }

    /// <summary>The text that was to be typed.</summary>
    public string Text { get; }

    /// <summary>The index (in UTF-16 units) of the first character that cannot be typed.</summary>
    public int Index { get; }
}
