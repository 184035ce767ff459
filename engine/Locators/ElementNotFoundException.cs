namespace Dispatch.Engine.Locators;

/// <summary>A locator found nothing; <see cref="Result"/> holds the near misses of each channel.</summary>
public sealed class ElementNotFoundException : DispatchException
{
    /// <summary>Creates the exception from the search that missed.</summary>
    public ElementNotFoundException(FindResult result) : base(result.ExplainMiss()) => Result = result;

    /// <summary>The search, with its near misses.</summary>
    public FindResult Result { get; }
}
