namespace Dispatch.Engine.Recipes;

/// <summary>A parameter a recipe declares under <c>parameters:</c>.</summary>
/// <param name="Name">The name used as <c>{name}</c> in steps and as <c>--param name=value</c>.</param>
/// <param name="Type">What values it takes.</param>
/// <param name="Default">The value used when none is given; null makes the parameter required.</param>
/// <param name="Choices">The allowed values of a <see cref="RecipeParameterType.Choice"/> parameter; empty otherwise.</param>
/// <param name="Description">What it is for, shown to the person.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record RecipeParameter(string Name, RecipeParameterType Type, string? Default, IReadOnlyList<string> Choices, string? Description,
    RecipePosition Position);
