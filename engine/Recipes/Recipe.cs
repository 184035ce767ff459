namespace Dispatch.Engine.Recipes;

/// <summary>A parsed, validated recipe (see <see cref="RecipeParser"/> for the format): data, never code.</summary>
/// <param name="Version">The format version; 1.</param>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it does, for the person.</param>
/// <param name="Parameters">Its parameters in the order declared.</param>
/// <param name="Steps">Its steps in order.</param>
/// <param name="File">The file name it was read from, used in every message.</param>
public sealed record Recipe(int Version, string Name, string? Description, IReadOnlyList<RecipeParameter> Parameters, IReadOnlyList<RecipeStep> Steps,
    string File);
