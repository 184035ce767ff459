using Dispatch.Engine.Input;
using Dispatch.Engine.Recipes;

namespace Dispatch.Engine.Tests.Recipes;

/// <summary>The recipe format: what it accepts, and that everything it rejects names the file, line, column and field.</summary>
[TestClass]
public sealed class RecipeParserTests
{
    private const string Valid = """
        version: 1
        name: Save a note
        description: Writes a note and saves it.
        parameters:
          file: { type: file, default: note.txt }
          count: { type: number, default: 3 }
          mood: { type: choice, choices: [calm, busy], default: calm }
          token: { type: secret }
        steps:
          - launch: mousepad
            args: [--disable-server, "{file}"]
            window: Mousepad
            timeout: 60s
          - set_text: role=text state=editable in window "Mousepad"
            text: "{count} things, {mood}, token {token}"
          - read: role=text state=editable in window "Mousepad"
            into: written
          - assert_text: "{written}"
            contains: things
          - scroll: role=text in window "Mousepad"
            direction: down
            amount: 5
          - key: ctrl+s
            name: Save
            approve: required
            timeout: 500ms
          - wait_stable: 200ms
        """;

    private static RecipeException Rejects(string yaml) => Assert.ThrowsExactly<RecipeException>(() => RecipeParser.Parse(yaml, "bad.yaml"));

    [TestMethod]
    public void Parse_AValidRecipe_ReadsEveryField()
    {
        var recipe = RecipeParser.Parse(Valid, "note.yaml");

        Assert.AreEqual("Save a note", recipe.Name);
        CollectionAssert.AreEqual(new[] { "file", "count", "mood", "token" }, recipe.Parameters.Select(p => p.Name).ToArray());
        Assert.AreEqual(RecipeParameterType.Secret, recipe.Parameters[3].Type);
        Assert.IsNull(recipe.Parameters[3].Default);
        CollectionAssert.AreEqual(new[] { "calm", "busy" }, recipe.Parameters[2].Choices.ToArray());
        var launch = recipe.Steps[0];
        Assert.AreEqual(RecipeStepKind.Launch, launch.Kind);
        CollectionAssert.AreEqual(new[] { "--disable-server", "{file}" }, launch.Args.ToArray());
        Assert.AreEqual(TimeSpan.FromSeconds(60), launch.Timeout);
        Assert.AreEqual(new RecipePosition("note.yaml", 10, 5), launch.Position);
        Assert.AreEqual("written", recipe.Steps[2].Into);
        Assert.AreEqual(ScrollDirection.Down, recipe.Steps[4].Direction);
        Assert.AreEqual(5, recipe.Steps[4].Amount);
        var save = recipe.Steps[5];
        Assert.IsTrue(save.ApprovalRequired);
        Assert.AreEqual(TimeSpan.FromMilliseconds(500), save.Timeout);
        Assert.AreEqual("\"Save\" (note.yaml:23:5)", save.Describe());
        Assert.AreEqual(TimeSpan.FromMilliseconds(200), recipe.Steps[6].QuietPeriod);
    }

    [TestMethod]
    public void Parse_AnUnknownStepKind_NamesItsLineAndColumnAndTheKinds()
    {
        var error = Rejects("""
            version: 1
            name: x
            steps:
              - click: text="OK"
              - tap: text="Cancel"
            """);

        Assert.AreEqual(new RecipePosition("bad.yaml", 5, 5), error.Position);
        Assert.AreEqual("'tap'", error.Field);
        StringAssert.StartsWith(error.Message, "bad.yaml:5:5: 'tap': is not a step kind; expected one of: launch, wait_window, wait_for, click");
    }

    [TestMethod]
    public void Parse_AnUnknownFieldOfAStep_NamesTheFieldsThatKindTakes()
    {
        var error = Rejects("""
            version: 1
            name: x
            steps:
              - scroll: text="List"
                direction: down
                amont: 3
            """);

        Assert.AreEqual(new RecipePosition("bad.yaml", 6, 5), error.Position);
        StringAssert.Contains(error.Message, "'amont': is not a field of a scroll step; expected one of: scroll, direction, amount, name, approve, timeout.");
    }

    [TestMethod]
    public void Parse_AReferenceToAParameterNotDeclared_IsRejectedAtItsValue()
    {
        var error = Rejects("""
            version: 1
            name: x
            parameters:
              a: { type: number }
            steps:
              - type: "{a} times {b}"
            """);

        Assert.AreEqual(new RecipePosition("bad.yaml", 6, 11), error.Position);
        Assert.AreEqual("type", error.Field);
        StringAssert.Contains(error.Message, "'{b}' is not a parameter of this recipe nor a variable read by an earlier step; expected one of: {a}, {recipe_dir}.");
    }

    [TestMethod]
    public void Parse_AVariableUsedBeforeTheReadThatSetsIt_IsRejected()
    {
        var error = Rejects("""
            version: 1
            name: x
            steps:
              - assert_text: "{result}"
                equals: "84"
              - read: role=text
                into: result
            """);

        Assert.AreEqual(new RecipePosition("bad.yaml", 4, 18), error.Position);
    }

    [TestMethod]
    public void Parse_AReadIntoAParameter_IsRejected()
    {
        var error = Rejects("version: 1\nname: x\nparameters:\n  token: { type: secret }\nsteps:\n  - read: role=text\n    into: token\n");

        Assert.AreEqual(new RecipePosition("bad.yaml", 7, 11), error.Position);
        StringAssert.Contains(error.Message, "'token' is a parameter");
    }

    [TestMethod]
    public void Parse_WrongTypes_NameTheFieldAndWhatWasExpected()
    {
        var number = Rejects("""
            version: 1
            name: x
            parameters:
              a: { type: number, default: twelve }
            steps:
              - type: "{a}"
            """);
        Assert.AreEqual(new RecipePosition("bad.yaml", 4, 31), number.Position);
        Assert.AreEqual("parameter 'a'.default", number.Field);
        StringAssert.Contains(number.Message, "'twelve' is not a number; expected a number such as 12 or -3.5.");

        var type = Rejects("version: 1\nname: x\nparameters:\n  a: { type: integer }\nsteps:\n  - type: a\n");
        Assert.AreEqual(new RecipePosition("bad.yaml", 4, 14), type.Position);
        StringAssert.Contains(type.Message, "'integer' is not a parameter type; expected one of: string, number, choice, file, secret.");

        var args = Rejects("version: 1\nname: x\nsteps:\n  - launch: xcalc\n    args: -rv\n");
        Assert.AreEqual(new RecipePosition("bad.yaml", 5, 11), args.Position);
        StringAssert.Contains(args.Message, "args: expected a list such as [first, second].");

        var timeout = Rejects("version: 1\nname: x\nsteps:\n  - key: Return\n    timeout: soon\n");
        StringAssert.Contains(timeout.Message, "bad.yaml:5:14: timeout: 'soon' is not a duration");

        var approve = Rejects("version: 1\nname: x\nsteps:\n  - key: Return\n    approve: never\n");
        StringAssert.Contains(approve.Message, "bad.yaml:5:14: approve: 'never' is not an approval setting; expected 'required' (a recipe may raise a step's risk, never lower it).");
    }

    [TestMethod]
    public void Parse_AShellLineAsProgram_IsRejected()
    {
        var error = Rejects("version: 1\nname: x\nsteps:\n  - launch: sh -c 'rm -rf ~'\n");

        Assert.AreEqual(new RecipePosition("bad.yaml", 4, 13), error.Position);
        StringAssert.Contains(error.Message, "recipes never run a shell line");
    }

    [TestMethod]
    public void Parse_MalformedLocatorsKeysAndYaml_AreRejectedWithTheirPlace()
    {
        StringAssert.StartsWith(Rejects("version: 1\nname: x\nsteps:\n  - click: role=\"push button\n").Message, "bad.yaml:4:");
        StringAssert.StartsWith(Rejects("version: 1\nname: x\nsteps:\n  - click: colour=red\n").Message, "bad.yaml:4:12: click: 'colour=red' is not a locator");
        StringAssert.StartsWith(Rejects("version: 1\nname: x\nsteps:\n  - key: s+ctrl\n").Message, "bad.yaml:4:10: key: 's+ctrl' is not a key chord");
        StringAssert.StartsWith(Rejects("version: 2\nname: x\nsteps:\n  - key: a\n").Message, "bad.yaml:1:10: version: '2' is not a version this Dispatch reads; expected 1.");
        StringAssert.StartsWith(Rejects("version: 1\nsteps:\n  - key: a\n").Message, "bad.yaml:1:1: name: recipe has no 'name'; it is required.");
        StringAssert.StartsWith(Rejects("version: 1\nname: x\nsteps:\n  - key: a\n    type: b\n").Message, "bad.yaml:5:5: 'type': a step does one thing; this one is already a 'key' step.");
    }

    [TestMethod]
    public void Bind_AMissingParameter_NamesItsDeclaration()
    {
        var recipe = RecipeParser.Parse(Valid, "note.yaml");

        var error = Assert.ThrowsExactly<RecipeException>(() => RecipeValues.Bind(recipe, new Dictionary<string, string>(), "/tmp"));

        Assert.AreEqual(new RecipePosition("note.yaml", 8, 3), error.Position);
        StringAssert.Contains(error.Message, "parameter 'token': is required and was not given; pass --param token=<secret>.");
    }

    [TestMethod]
    public void Bind_WrongValues_AreRejectedAndSecretsAreNotEchoed()
    {
        var recipe = RecipeParser.Parse(Valid, "note.yaml");

        var number = Assert.ThrowsExactly<RecipeException>(() => RecipeValues.Bind(recipe, Given(("token", "t"), ("count", "many")), "/tmp"));
        StringAssert.Contains(number.Message, "note.yaml:6:3: parameter 'count': 'many' is not a number");
        var choice = Assert.ThrowsExactly<RecipeException>(() => RecipeValues.Bind(recipe, Given(("token", "t"), ("mood", "angry")), "/tmp"));
        StringAssert.Contains(choice.Message, "'angry' is not one of the choices; expected one of: calm, busy.");
        var unknown = Assert.ThrowsExactly<RecipeException>(() => RecipeValues.Bind(recipe, Given(("token", "t"), ("colour", "red")), "/tmp"));
        StringAssert.Contains(unknown.Message, "parameter 'colour': is not declared by this recipe; expected one of: file, count, mood, token.");
    }

    [TestMethod]
    public void Substitute_ParametersDefaultsVariablesAndBraces_AreFilledIn()
    {
        var recipe = RecipeParser.Parse(Valid, "/recipes/note.yaml");
        var values = RecipeValues.Bind(recipe, Given(("token", "s3cr3t-T0ken"), ("count", "12")), "/home/me");
        values.Set("written", "done");

        Assert.AreEqual("12 things, calm, token s3cr3t-T0ken", values.Substitute(recipe.Steps[1].Text!));
        Assert.AreEqual("/home/me/note.txt", values.Substitute("{file}"));
        Assert.AreEqual("/recipes/x.png {done} done", values.Substitute("{recipe_dir}/x.png {{done}} {written}"));
    }

    [TestMethod]
    public void Redact_SecretValues_AreHiddenAndTextFromThemIsSecret()
    {
        var recipe = RecipeParser.Parse(Valid, "note.yaml");
        var values = RecipeValues.Bind(recipe, Given(("token", "s3cr3t-T0ken")), "/tmp");

        Assert.AreEqual("typed 3 things, calm, token [secret] into it", values.Redact("typed " + values.Substitute(recipe.Steps[1].Text!) + " into it"));
        Assert.IsTrue(values.IsSecret(recipe.Steps[1].Text));
        Assert.IsFalse(values.IsSecret("{count} things"));
        var number = new RecipeParameter("pin", RecipeParameterType.Secret, null, [], null, new RecipePosition("x", 1, 1)) with { Type = RecipeParameterType.Number };
        StringAssert.Contains(RecipeValues.Problem(number with { Type = RecipeParameterType.Choice }, "1234"), "'1234'");
    }

    private static Dictionary<string, string> Given(params (string Name, string Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value);
}
