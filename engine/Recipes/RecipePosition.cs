namespace Dispatch.Engine.Recipes;

/// <summary>Where something is written in a recipe file; lines and columns count from 1.</summary>
/// <param name="File">The recipe's file name as it was given.</param>
/// <param name="Line">The line, from 1.</param>
/// <param name="Column">The column, from 1.</param>
public readonly record struct RecipePosition(string File, long Line, long Column)
{
    /// <summary><c>file:line:column</c>, the form editors and compilers use.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
