namespace Dispatch.Engine.Recipes;

/// <summary>
/// A recipe that cannot run: malformed YAML, an unknown step kind or field, a wrong type, a missing or unknown parameter.
/// Raised before anything runs; the message starts with the file, line and column and names the field and what was expected.
/// </summary>
public sealed class RecipeException : DispatchException
{
    /// <summary>Creates the error for <paramref name="field"/> at <paramref name="position"/>.</summary>
    public RecipeException(RecipePosition position, string field, string problem)
        : base($"{position}: {field}: {problem}")
    {
        Position = position;
        Field = field;
    }

    /// <summary>Where the bad value is written.</summary>
    public RecipePosition Position { get; }

    /// <summary>The field (or parameter) at fault.</summary>
    public string Field { get; }
}
