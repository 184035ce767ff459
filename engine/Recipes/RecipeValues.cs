using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dispatch.Engine.Recipes;

/// <summary>
/// The values of one run: the parameters (given or defaulted, checked against their types), the built-in
/// <c>{recipe_dir}</c>, and the variables read steps set. Substitutes <c>{name}</c> references (<c>{{</c> and <c>}}</c>
/// are literal braces) and redacts the values of secret parameters from any text shown to a person.
/// </summary>
public sealed partial class RecipeValues
{
    /// <summary>What secret values are replaced with.</summary>
    public const string Redacted = "[secret]";

    /// <summary>The built-in variable holding the recipe file's folder, for image locators next to the recipe.</summary>
    public const string RecipeDirectory = "recipe_dir";

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _secretNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    private RecipeValues()
    {
    }

    /// <summary>The variables set by read steps so far.</summary>
    public IReadOnlyDictionary<string, string> Variables => _variables;

    /// <summary>
    /// Checks <paramref name="given"/> against <paramref name="recipe"/>'s parameters and fills in defaults.
    /// </summary>
    /// <param name="recipe">The recipe.</param>
    /// <param name="given">Values by parameter name, as typed (<c>--param a=12</c>).</param>
    /// <param name="workingDirectory">Where relative <c>file</c> values are resolved.</param>
    /// <exception cref="RecipeException">A parameter that is not declared, a required one not given, or a value of the wrong type.</exception>
    public static RecipeValues Bind(Recipe recipe, IReadOnlyDictionary<string, string> given, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(given);
        var values = new RecipeValues();
        var start = new RecipePosition(recipe.File, 1, 1);
        foreach (var name in given.Keys.Where(n => recipe.Parameters.All(p => p.Name != n)))
        {
            throw new RecipeException(start, $"parameter '{name}'", $"is not declared by this recipe; expected one of: {Known(recipe)}.");
        }
        foreach (var parameter in recipe.Parameters)
        {
            var value = given.TryGetValue(parameter.Name, out var v) ? v : parameter.Default
                ?? throw new RecipeException(parameter.Position, $"parameter '{parameter.Name}'",
                    $"is required and was not given; pass --param {parameter.Name}=<{parameter.Type.ToString().ToLowerInvariant()}>.");
            values._values[parameter.Name] = Check(parameter, value, workingDirectory);
            if (parameter.Type == RecipeParameterType.Secret)
            {
                values._secretNames.Add(parameter.Name);
            }
        }
        values._values[RecipeDirectory] = Path.GetDirectoryName(Path.GetFullPath(recipe.File, workingDirectory)) ?? workingDirectory;
        return values;
    }

    /// <summary>Checks one value against its parameter's type; a file becomes an absolute path.</summary>
    /// <exception cref="RecipeException">The value does not fit the type.</exception>
    public static string Check(RecipeParameter parameter, string value, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return Problem(parameter, value) is { } problem
            ? throw new RecipeException(parameter.Position, $"parameter '{parameter.Name}'", problem)
            : parameter.Type == RecipeParameterType.File ? Path.GetFullPath(value, workingDirectory) : value;
    }

    /// <summary>What is wrong with <paramref name="value"/> for <paramref name="parameter"/>'s type, or null when it fits.</summary>
    public static string? Problem(RecipeParameter parameter, string value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(value);
        // A secret is never echoed, not even in the error about it.
        var shown = parameter.Type == RecipeParameterType.Secret ? Redacted : $"'{value}'";
        return parameter.Type switch
        {
            RecipeParameterType.Number when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) =>
                $"{shown} is not a number; expected a number such as 12 or -3.5.",
            RecipeParameterType.Choice when !parameter.Choices.Contains(value, StringComparer.Ordinal) =>
                $"{shown} is not one of the choices; expected one of: {string.Join(", ", parameter.Choices)}.",
            RecipeParameterType.File when value.Length == 0 => "is empty; expected a file path.",
            _ => null,
        };
    }

    /// <summary>Keeps <paramref name="value"/> as <c>{name}</c> for the steps after a read.</summary>
    public void Set(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _variables[name] = value;
        _values[name] = value;
    }

    /// <summary>Replaces every <c>{name}</c> in <paramref name="template"/> with its value.</summary>
    /// <exception cref="DispatchException">A reference has no value (a read step that has not run, in a dry run).</exception>
    public string Substitute(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Reference().Replace(template, m => m.Value switch
        {
            "{{" => "{",
            "}}" => "}",
            _ => _values.TryGetValue(m.Groups["name"].Value, out var value)
                ? value
                : throw new DispatchException($"'{m.Value}' has no value yet; expected a parameter, {{{RecipeDirectory}}} or a variable read by an earlier step."),
        });
    }

    /// <summary>True when <paramref name="template"/> refers to a secret parameter, so the text made from it is secret.</summary>
    public bool IsSecret(string? template) => template is not null && References(template).Any(_secretNames.Contains);

    /// <summary>Replaces every secret value in <paramref name="text"/> with <see cref="Redacted"/>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var redacted = new StringBuilder(text);
        // Longest first, so a secret that contains another is not half shown.
        foreach (var secret in _secretNames.Select(n => _values[n]).Where(s => s.Length > 0).OrderByDescending(s => s.Length))
        {
            redacted.Replace(secret, Redacted);
        }
        return redacted.ToString();
    }

    /// <summary>The names <paramref name="template"/> refers to as <c>{name}</c>, in order.</summary>
    public static IEnumerable<string> References(string template) =>
        Reference().Matches(template).Where(m => m.Groups["name"].Success).Select(m => m.Groups["name"].Value);

    private static string Known(Recipe recipe) =>
        recipe.Parameters.Count == 0 ? "(none: it takes no parameters)" : string.Join(", ", recipe.Parameters.Select(p => p.Name));

    [GeneratedRegex(@"\{\{|\}\}|\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Reference();
}
