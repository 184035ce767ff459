namespace Dispatch.Engine.Locators;

/// <summary>A locator query that does not parse; the message shows the query with a caret under the error.</summary>
public sealed class LocatorSyntaxException : DispatchException
{
    /// <summary>Creates the exception for an error at <paramref name="position"/> (0-based) of <paramref name="query"/>.</summary>
    public LocatorSyntaxException(string query, int position, string problem)
        : base($"{problem} at position {position + 1} of the locator:\n  {query}\n  {new string(' ', position)}^")
    {
        Query = query;
        Position = position;
    }

    /// <summary>The query.</summary>
    public string Query { get; }

    /// <summary>Where the error is, 0-based.</summary>
    public int Position { get; }
}
