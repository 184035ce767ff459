using System.Globalization;
using Dispatch.Engine.Input;
using Dispatch.Engine.Locators;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dispatch.Engine.Recipes;

/// <summary>
/// Reads the recipe format, version 1, from YAML's node tree (which keeps each value's line and column), and rejects
/// anything it does not know before a step runs:
/// <code>
/// version: 1
/// name: Save a note
/// description: Writes a note in mousepad and saves it.
/// parameters:
///   file: { type: file, default: note.txt, description: where to save }
///   token: { type: secret }                       # string | number | choice (with choices: [..]) | file | secret
/// steps:
///   - launch: mousepad                            # a program, never a shell line
///     args: [--disable-server]
///     window: Mousepad                            # its window's title contains this
///     timeout: 60s
///   - set_text: role=text state=editable in window "Mousepad"
///     text: "Token: {token}"
///   - click: role="push button" name="Save"
///     approve: required                           # the gate asks, whatever the policy says
/// </code>
/// Every step is a mapping with exactly one kind key (see <see cref="RecipeStepKind"/>) and the fields that kind takes,
/// plus <c>name</c>, <c>approve: required</c> and <c>timeout</c> (<c>500ms</c>, <c>10s</c>, <c>2m</c> or seconds).
/// <c>{name}</c> refers to a parameter, <c>{recipe_dir}</c> or a variable an earlier read step set.
/// </summary>
public static class RecipeParser
{
    /// <summary>The only format version this parser reads.</summary>
    public const int CurrentVersion = 1;

    private static readonly string[] s_common = ["name", "approve", "timeout"];

    private static readonly Dictionary<string, (RecipeStepKind Kind, string[] Fields)> s_kinds = new(StringComparer.Ordinal)
    {
        ["launch"] = (RecipeStepKind.Launch, ["args", "window"]),
        ["wait_window"] = (RecipeStepKind.WaitWindow, []),
        ["wait_for"] = (RecipeStepKind.WaitFor, []),
        ["click"] = (RecipeStepKind.Click, []),
        ["double_click"] = (RecipeStepKind.DoubleClick, []),
        ["right_click"] = (RecipeStepKind.RightClick, []),
        ["type"] = (RecipeStepKind.Type, ["on"]),
        ["key"] = (RecipeStepKind.Key, ["on"]),
        ["scroll"] = (RecipeStepKind.Scroll, ["direction", "amount"]),
        ["set_text"] = (RecipeStepKind.SetText, ["text"]),
        ["read"] = (RecipeStepKind.Read, ["into"]),
        ["assert"] = (RecipeStepKind.Assert, ["equals", "contains"]),
        ["assert_text"] = (RecipeStepKind.AssertText, ["equals", "contains"]),
        ["wait_stable"] = (RecipeStepKind.WaitStable, []),
        ["screenshot"] = (RecipeStepKind.Screenshot, []),
    };

    private static readonly Dictionary<string, RecipeParameterType> s_types = new(StringComparer.Ordinal)
    {
        ["string"] = RecipeParameterType.String,
        ["number"] = RecipeParameterType.Number,
        ["choice"] = RecipeParameterType.Choice,
        ["file"] = RecipeParameterType.File,
        ["secret"] = RecipeParameterType.Secret,
    };

    private static readonly Dictionary<string, ScrollDirection> s_directions = new(StringComparer.Ordinal)
    {
        ["up"] = ScrollDirection.Up,
        ["down"] = ScrollDirection.Down,
        ["left"] = ScrollDirection.Left,
        ["right"] = ScrollDirection.Right,
    };

    private static readonly string[] s_topLevel = ["version", "name", "description", "parameters", "steps"];

    private static readonly string[] s_parameterFields = ["type", "default", "choices", "description"];

    /// <summary>The key that names <paramref name="kind"/> in a recipe.</summary>
    public static string KeyOf(RecipeStepKind kind) => s_kinds.First(k => k.Value.Kind == kind).Key;

    /// <summary>Reads and validates the recipe at <paramref name="path"/>.</summary>
    /// <exception cref="RecipeException">The recipe is not valid; the message gives the file, line, column and field.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Recipe Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses and validates <paramref name="text"/>, naming <paramref name="file"/> in every message.</summary>
    /// <exception cref="RecipeException">The recipe is not valid; the message gives the file, line, column and field.</exception>
    public static Recipe Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            throw new RecipeException(new RecipePosition(file, error.Start.Line, error.Start.Column), "YAML",
                $"{(error.InnerException ?? error).Message.TrimEnd('.')}; expected a YAML mapping with version, name and steps.");
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count > 0 ? At(file, stream.Documents[0].RootNode) : new RecipePosition(file, 1, 1);
            throw new RecipeException(at, "recipe", "expected one YAML document that is a mapping with version, name and steps.");
        }
        return new Reader(file).Recipe(root);
    }

    private static RecipePosition At(string file, YamlNode node) => new(file, node.Start.Line, node.Start.Column);

    /// <summary>Reads one file's nodes, naming it in every error.</summary>
    private sealed class Reader(string file)
    {
        public Recipe Recipe(YamlMappingNode root)
        {
            var fields = Fields(root, "recipe", s_topLevel);
            var version = Required(root, fields, "version", "recipe");
            if (Scalar(version, "version") != CurrentVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw Error(version, "version", $"'{Scalar(version, "version")}' is not a version this Dispatch reads; expected {CurrentVersion}.");
            }
            var name = Scalar(Required(root, fields, "name", "recipe"), "name");
            var description = fields.TryGetValue("description", out var d) ? Scalar(d, "description") : null;
            var parameters = fields.TryGetValue("parameters", out var p) ? Parameters(p) : [];
            var stepsNode = Required(root, fields, "steps", "recipe");
            if (stepsNode is not YamlSequenceNode { Children.Count: > 0 } list)
            {
                throw Error(stepsNode, "steps", "expected a list of at least one step (each line starting with '- ').");
            }
            var known = new HashSet<string>(parameters.Select(x => x.Name), StringComparer.Ordinal) { RecipeValues.RecipeDirectory };
            var names = new HashSet<string>(known, StringComparer.Ordinal);
            var steps = new List<RecipeStep>();
            foreach (var node in list.Children)
            {
                steps.Add(Step(node, known, names));
            }
            return new Recipe(CurrentVersion, name, description, parameters, steps, file);
        }

        private List<RecipeParameter> Parameters(YamlNode node)
        {
            if (node is not YamlMappingNode map)
            {
                throw Error(node, "parameters", "expected a mapping of parameter names to { type, default, choices, description }.");
            }
            var parameters = new List<RecipeParameter>();
            foreach (var (keyNode, value) in map.Children)
            {
                var name = Scalar(keyNode, "parameters");
                if (!IsIdentifier(name) || name == RecipeValues.RecipeDirectory)
                {
                    throw Error(keyNode, $"parameter '{name}'", $"is not a usable name; expected letters, digits and '_', not starting with a digit, and not '{RecipeValues.RecipeDirectory}'.");
                }
                var field = $"parameter '{name}'";
                var fields = Fields(value, field, s_parameterFields);
                var typeNode = Required(value, fields, "type", field);
                var typeText = Scalar(typeNode, $"{field}.type");
                if (!s_types.TryGetValue(typeText, out var type))
                {
                    throw Error(typeNode, $"{field}.type", $"'{typeText}' is not a parameter type; expected one of: string, number, choice, file, secret.");
                }
                var choices = new List<string>();
                if (fields.TryGetValue("choices", out var choicesNode))
                {
                    choices.AddRange(Strings(choicesNode, $"{field}.choices"));
                }
                if (type == RecipeParameterType.Choice && choices.Count == 0)
                {
                    throw Error(typeNode, $"{field}.choices", "a choice parameter needs its choices; expected choices: [first, second, ...].");
                }
                if (type != RecipeParameterType.Choice && choicesNode is not null)
                {
                    throw Error(choicesNode, $"{field}.choices", $"only a choice parameter has choices; this one is a {typeText}.");
                }
                var parameter = new RecipeParameter(name, type, null, choices,
                    fields.TryGetValue("description", out var descriptionNode) ? Scalar(descriptionNode, $"{field}.description") : null, At(file, keyNode));
                if (fields.TryGetValue("default", out var defaultNode))
                {
                    var text = Scalar(defaultNode, $"{field}.default");
                    if (RecipeValues.Problem(parameter, text) is { } problem)
                    {
                        throw Error(defaultNode, $"{field}.default", problem);
                    }
                    parameter = parameter with { Default = text };
                }
                parameters.Add(parameter);
            }
            return parameters;
        }

        private RecipeStep Step(YamlNode node, HashSet<string> known, IReadOnlySet<string> parameters)
        {
            if (node is not YamlMappingNode map)
            {
                throw Error(node, "step", $"expected a mapping with one step kind, such as 'click: <locator>'; kinds: {string.Join(", ", s_kinds.Keys)}.");
            }
            var kinds = map.Children.Where(c => c.Key is YamlScalarNode { Value: { } k } && s_kinds.ContainsKey(k)).ToList();
            if (kinds.Count != 1)
            {
                var unknown = map.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => !s_common.Contains(k.Value) && !s_kinds.Values.Any(v => v.Fields.Contains(k.Value)));
                throw kinds.Count == 0
                    ? Error(unknown ?? (YamlNode)map, unknown is null ? "step" : $"'{unknown.Value}'",
                        $"{(unknown is null ? "has no step kind" : "is not a step kind")}; expected one of: {string.Join(", ", s_kinds.Keys)}.")
                    : Error(kinds[1].Key, $"'{((YamlScalarNode)kinds[1].Key).Value}'", $"a step does one thing; this one is already a '{((YamlScalarNode)kinds[0].Key).Value}' step.");
            }
            var kindKey = ((YamlScalarNode)kinds[0].Key).Value!;
            var (kind, allowed) = s_kinds[kindKey];
            var fields = Fields(map, $"{kindKey} step", [kindKey, .. allowed, .. s_common]);
            var subjectNode = kinds[0].Value;
            var subject = Scalar(subjectNode, kindKey);
            var step = new RecipeStep(kind, subject, At(file, map));
            var texts = new List<(YamlNode Node, string Field, string Text)> { (subjectNode, kindKey, subject) };
            string? Text(string key)
            {
                if (!fields.TryGetValue(key, out var n))
                {
                    return null;
                }
                var value = Scalar(n, key);
                texts.Add((n, key, value));
                return value;
            }
            step = step with
            {
                Name = fields.TryGetValue("name", out var nameNode) ? Scalar(nameNode, "name") : null,
                Window = Text("window"),
                On = Text("on"),
                Text = Text("text"),
                EqualsText = Text("equals"),
                ContainsText = Text("contains"),
                ApprovalRequired = fields.TryGetValue("approve", out var approve) && Approve(approve),
                Timeout = fields.TryGetValue("timeout", out var timeout) ? Duration(timeout, "timeout") : null,
            };
            if (fields.TryGetValue("args", out var args))
            {
                step = step with { Args = Strings(args, "args") };
                texts.AddRange(((YamlSequenceNode)args).Children.Select(a => (a, "args", ((YamlScalarNode)a).Value ?? "")));
            }
            foreach (var (textNode, field, text) in texts)
            {
                foreach (var reference in RecipeValues.References(text).Where(r => !known.Contains(r)))
                {
                    throw Error(textNode, field, $"'{{{reference}}}' is not a parameter of this recipe nor a variable read by an earlier step; expected one of: {string.Join(", ", known.Order().Select(k => $"{{{k}}}"))}.");
                }
            }
            return Specific(step, kind, kindKey, map, fields, subjectNode, known, parameters);
        }

        private RecipeStep Specific(RecipeStep step, RecipeStepKind kind, string kindKey, YamlMappingNode map, Dictionary<string, YamlNode> fields,
            YamlNode subjectNode, HashSet<string> known, IReadOnlySet<string> parameters)
        {
            switch (kind)
            {
                case RecipeStepKind.Launch when step.Subject.Any(char.IsWhiteSpace) || step.Subject.Length == 0:
                    throw Error(subjectNode, kindKey, $"'{step.Subject}' is not a program name; expected a program (a name on PATH or a path) with its arguments in args: [..] — recipes never run a shell line.");
                case RecipeStepKind.WaitFor or RecipeStepKind.Click or RecipeStepKind.DoubleClick or RecipeStepKind.RightClick or RecipeStepKind.Scroll
                    or RecipeStepKind.SetText or RecipeStepKind.Read or RecipeStepKind.Assert:
                    CheckLocator(subjectNode, kindKey, step.Subject);
                    break;
                case RecipeStepKind.Key:
                    CheckKeys(subjectNode, kindKey, step.Subject);
                    break;
                case RecipeStepKind.WaitStable:
                    step = step with { QuietPeriod = Duration(subjectNode, kindKey) };
                    break;
            }
            if (fields.TryGetValue("on", out var on))
            {
                CheckLocator(on, "on", step.On!);
            }
            if (kind == RecipeStepKind.SetText && step.Text is null)
            {
                throw Error(map, "text", "a set_text step needs the new text; expected text: <text>.");
            }
            if (kind == RecipeStepKind.Read)
            {
                var into = fields.TryGetValue("into", out var intoNode) ? Scalar(intoNode, "into") : throw Error(map, "into", "a read step keeps the text in a variable; expected into: <name>.");
                if (!IsIdentifier(into))
                {
                    throw Error(intoNode, "into", $"'{into}' is not a variable name; expected letters, digits and '_', not starting with a digit.");
                }
                if (parameters.Contains(into))
                {
                    throw Error(intoNode, "into", $"'{into}' is a parameter (or {{{RecipeValues.RecipeDirectory}}}); a read keeps its text in a variable of its own name.");
                }
                known.Add(into);
                step = step with { Into = into };
            }
            if (kind == RecipeStepKind.AssertText && step.EqualsText is null && step.ContainsText is null)
            {
                throw Error(map, "equals", "an assert_text step needs what to compare with; expected equals: <text> or contains: <text>.");
            }
            if (step.EqualsText is not null && step.ContainsText is not null)
            {
                throw Error(fields["contains"], "contains", "give equals or contains, not both.");
            }
            if (kind == RecipeStepKind.Scroll)
            {
                var directionNode = fields.TryGetValue("direction", out var dn) ? dn : throw Error(map, "direction", "a scroll step needs a direction; expected direction: up, down, left or right.");
                var direction = Scalar(directionNode, "direction");
                if (!s_directions.TryGetValue(direction, out var parsed))
                {
                    throw Error(directionNode, "direction", $"'{direction}' is not a direction; expected up, down, left or right.");
                }
                step = step with { Direction = parsed };
                if (fields.TryGetValue("amount", out var amountNode))
                {
                    var amount = Scalar(amountNode, "amount");
                    step = step with
                    {
                        Amount = int.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var clicks) && clicks is > 0 and <= 100
                            ? clicks
                            : throw Error(amountNode, "amount", $"'{amount}' is not a number of wheel clicks; expected a whole number from 1 to 100."),
                    };
                }
            }
            return step;
        }

        private void CheckLocator(YamlNode node, string field, string locator) =>
            CheckSyntax<LocatorSyntaxException>(node, field, locator, q => LocatorParser.Parse(q), "a locator", "e.g. role=\"push button\" name=\"Save\" in window \"Mousepad\"");

        private void CheckKeys(YamlNode node, string field, string keys) =>
            CheckSyntax<KeyNameException>(node, field, keys, k => KeyChord.ParseSequence(k), "a key chord", "xdotool names such as ctrl+s or Return");

        /// <summary>Checks a locator or key chord now; one with <c>{references}</c> is checked when it runs, with its values in.</summary>
        private void CheckSyntax<TError>(YamlNode node, string field, string text, Action<string> parse, string what, string expected)
            where TError : DispatchException
        {
            if (RecipeValues.References(text).Any())
            {
                return;
            }
            try
            {
                parse(text);
            }
            catch (TError error)
            {
                throw Error(node, field, $"'{text}' is not {what}: {error.Message.Split('\n')[0].TrimEnd('.')}; expected {expected}.");
            }
        }

        private bool Approve(YamlNode node)
        {
            var value = Scalar(node, "approve");
            return value == "required" ? true : throw Error(node, "approve", $"'{value}' is not an approval setting; expected 'required' (a recipe may raise a step's risk, never lower it).");
        }

        private TimeSpan Duration(YamlNode node, string field)
        {
            var text = Scalar(node, field);
            var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
                : text.EndsWith('s') ? (text[..^1], 1.0)
                : text.EndsWith('m') ? (text[..^1], 60.0)
                : (text, 1.0);
            return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value * unit is > 0 and <= 3600
                ? TimeSpan.FromSeconds(value * unit)
                : throw Error(node, field, $"'{text}' is not a duration; expected a positive time up to an hour such as 500ms, 10s, 2m or a number of seconds.");
        }

        private IReadOnlyList<string> Strings(YamlNode node, string field) =>
            node is YamlSequenceNode list
                ? [.. list.Children.Select(c => Scalar(c, field))]
                : throw Error(node, field, "expected a list such as [first, second].");

        private string Scalar(YamlNode node, string field) =>
            node is YamlScalarNode { Value: { } value }
                ? value
                : throw Error(node, field, $"expected a single value (text or number), found a {(node is YamlSequenceNode ? "list" : "mapping")}.");

        private YamlNode Required(YamlNode map, Dictionary<string, YamlNode> fields, string key, string owner) =>
            fields.TryGetValue(key, out var node) ? node : throw Error(map, key, $"{owner} has no '{key}'; it is required.");

        /// <summary>The fields of a mapping, each known to <paramref name="allowed"/>.</summary>
        private Dictionary<string, YamlNode> Fields(YamlNode node, string owner, IReadOnlyCollection<string> allowed)
        {
            if (node is not YamlMappingNode map)
            {
                throw Error(node, owner, $"expected a mapping with: {string.Join(", ", allowed)}.");
            }
            var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in map.Children)
            {
                var key = Scalar(keyNode, owner);
                if (!allowed.Contains(key))
                {
                    throw Error(keyNode, $"'{key}'", $"is not a field of a {owner}; expected one of: {string.Join(", ", allowed)}.");
                }
                fields[key] = value;
            }
            return fields;
        }

        private static bool IsIdentifier(string name) =>
            name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

        private RecipeException Error(YamlNode node, string field, string problem) => new(At(file, node), field, problem);
    }
}
