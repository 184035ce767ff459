namespace Dispatch.Engine.Locators;

/// <summary>A locator that wants one element matched several; <see cref="Result"/> lists them.</summary>
public sealed class AmbiguousMatchException : DispatchException
{
    /// <summary>Creates the exception from the ambiguous search.</summary>
    public AmbiguousMatchException(FindResult result) : base((result ?? throw new ArgumentNullException(nameof(result))).ExplainAmbiguity()) => Result = result;

    /// <summary>The search, with every match.</summary>
    public FindResult Result { get; }
}
