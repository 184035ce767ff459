namespace Dispatch.Engine.Locators;

/// <summary>A wanted text: equal to <see cref="Value"/> (ignoring case and surrounding space), or containing it with <c>~=</c>.</summary>
/// <param name="Value">The text.</param>
/// <param name="Contains">True for <c>~=</c>: the element's text contains the value.</param>
public sealed record TextCondition(string Value, bool Contains)
{
    /// <inheritdoc/>
    public override string ToString() => $"{(Contains ? "~=" : "=")}\"{Value}\"";
}
