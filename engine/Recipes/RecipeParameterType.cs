namespace Dispatch.Engine.Recipes;

/// <summary>The type of a recipe parameter, as written in its <c>type:</c> field.</summary>
public enum RecipeParameterType
{
    /// <summary><c>string</c>: any text.</summary>
    String,

    /// <summary><c>number</c>: a decimal number, written with a dot (<c>12</c>, <c>-3.5</c>).</summary>
    Number,

    /// <summary><c>choice</c>: one of the values listed in <c>choices:</c>.</summary>
    Choice,

    /// <summary><c>file</c>: a path; a relative one is made absolute against the working directory when the recipe runs.</summary>
    File,

    /// <summary><c>secret</c>: text that is never shown — redacted in the journal, approval requests, errors and reports.</summary>
    Secret,
}
