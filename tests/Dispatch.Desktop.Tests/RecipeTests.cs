using Dispatch.Engine.Loop;
using Dispatch.Engine.Recipes;
using Dispatch.Engine.Safety;

namespace Dispatch.Desktop.Tests;

/// <summary>
/// The sample recipes of recipes/ run through the loop on the test desktop, with a scripted person answering the gate:
/// gnome-calculator by accessibility, mousepad with its save held for approval, xcalc by vision alone.
/// </summary>
[TestClass]
public sealed class RecipeTests
{
    private static TestDesktop s_desktop = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_desktop = await TestDesktop.StartAsync();

    [ClassCleanup]
    public static void Stop() => s_desktop?.Dispose();

    public TestContext TestContext { get; set; } = null!;

    private static ScriptedApprovalChannel Person(ApprovalOutcome answer) => new((_, _) => Task.FromResult(ScriptedApprovalChannel.Say(answer)));

    /// <summary>Runs a recipe (a sample's file name, or YAML text) to its end, then closes the apps it launched.</summary>
    private async Task<(RecipePlanner Planner, LoopResult Result, string Journal)> RunAsync(string recipeFile, IApprovalChannel person,
        string? yaml = null, params (string Name, string Value)[] given)
    {
        var journal = s_desktop.PathOf($"recipe-{Guid.NewGuid():N}.jsonl");
        using var gated = new GatedDesktop(s_desktop, journal);
        var recipe = yaml is null ? RecipeParser.Load(Path.Combine(AppContext.BaseDirectory, "recipes", recipeFile)) : RecipeParser.Parse(yaml, recipeFile);
        var values = RecipeValues.Bind(recipe, given.ToDictionary(g => g.Name, g => g.Value), s_desktop.WorkDirectory);
        var planner = new RecipePlanner(recipe, values, s_desktop.Desktop, gated.Finder, gated.Ocr, TimeProvider.System, new RecipeRunOptions
        {
            StartInfo = (program, args) => s_desktop.App(program, [.. args]),
            WorkingDirectory = s_desktop.WorkDirectory,
        });
        try
        {
            var result = await gated.RunAsync(planner, person, options: new LoopOptions { MaxSteps = 50, ScreenCoordinates = true },
                cancellationToken: TestContext.CancellationToken);
            return (planner, result, journal);
        }
        finally
        {
            foreach (var app in planner.Launched.Where(a => !a.HasExited))
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync(TestContext.CancellationToken);
            }
            planner.Dispose();
        }
    }

    [TestMethod]
    public async Task Run_CalculatorRecipe_ReadsTheProductFromTheDisplay()
    {
        var person = Person(ApprovalOutcome.Denied);

        var (planner, result, _) = await RunAsync("calculator.yaml", person, given: [("a", "12"), ("b", "7")]);

        Assert.AreEqual(RecipeRunOutcome.Completed, planner.Outcome, planner.Message);
        Assert.AreEqual(LoopOutcome.Done, result.Outcome);
        Assert.AreEqual("84", planner.Variables["result"]);
        Assert.IsEmpty(person.Requests, "nothing in a calculation needs approval");
    }

    [TestMethod]
    public async Task Run_NoteRecipeApproved_SavesTheFileWithTheNote()
    {
        var file = s_desktop.PathOf($"note-{Guid.NewGuid():N}.txt");
        var person = Person(ApprovalOutcome.Approved);

        var (planner, _, _) = await RunAsync("note.yaml", person, given: [("folder", s_desktop.WorkDirectory), ("name", Path.GetFileName(file)), ("text", "Buy milk and bread")]);

        Assert.AreEqual(RecipeRunOutcome.Completed, planner.Outcome, planner.Message);
        Assert.AreEqual("Buy milk and bread", File.ReadAllText(file).TrimEnd('\n'));
        Assert.AreEqual(9, planner.StepsCompleted);
        Assert.HasCount(1, person.Requests);
        StringAssert.Contains(person.Requests[0].Sentence, "Save");
    }

    [TestMethod]
    public async Task Run_NoteRecipeDenied_StopsAtTheSaveAndWritesNothing()
    {
        var file = s_desktop.PathOf($"note-{Guid.NewGuid():N}.txt");
        var person = Person(ApprovalOutcome.Denied);

        var (planner, result, _) = await RunAsync("note.yaml", person, given: [("folder", s_desktop.WorkDirectory), ("name", Path.GetFileName(file))]);

        Assert.AreEqual(RecipeRunOutcome.Held, planner.Outcome, planner.Message);
        Assert.AreEqual("save", planner.EndedAt?.Name);
        StringAssert.Contains(planner.Message, "\"save\" (");
        StringAssert.Contains(planner.Message, "note.yaml:");
        StringAssert.Contains(planner.Message, "denied");
        Assert.AreEqual(planner.Message, result.Message);
        Assert.HasCount(1, person.Requests);
        Assert.IsFalse(File.Exists(file), "the save was denied, yet the file exists");
    }

    [TestMethod]
    public async Task Run_NoteRecipeOntoAnExistingFile_StopsAtTheReplaceQuestionAndKeepsTheFile()
    {
        var file = s_desktop.PathOf($"note-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "the old note\n", TestContext.CancellationToken);
        var person = Person(ApprovalOutcome.Approved);

        var (planner, _, _) = await RunAsync("note.yaml", person, given: [("folder", s_desktop.WorkDirectory), ("name", Path.GetFileName(file))]);

        Assert.AreEqual(RecipeRunOutcome.Failed, planner.Outcome, planner.Message);
        Assert.AreEqual("saved", planner.EndedAt?.Name, planner.Message);
        Assert.AreEqual("the old note\n", await File.ReadAllTextAsync(file, TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task Run_XcalcRecipe_ComputesByVisionAlone()
    {
        var (planner, _, _) = await RunAsync("xcalc.yaml", Person(ApprovalOutcome.Denied));

        Assert.AreEqual(RecipeRunOutcome.Completed, planner.Outcome, planner.Message);
        Assert.AreEqual("84", planner.Variables["result"]);
    }

    [TestMethod]
    public async Task Run_ASecretTypedAndAFailedAssertion_KeepTheSecretOutOfJournalAndMessage()
    {
        const string secret = "hunter2-Xq9";
        const string yaml = """
            version: 1
            name: secret note
            parameters:
              token: { type: secret }
            steps:
              - launch: mousepad
                args: [--disable-server]
                window: Mousepad
                timeout: 60s
              - wait_for: role=text state=editable in window "Mousepad"
                timeout: 45s
              - type: "token {token}"
              - name: compare
                assert_text: "{token}"
                equals: "something else"
            """;

        var (planner, result, journal) = await RunAsync("secret.yaml", Person(ApprovalOutcome.Denied), yaml, ("token", secret));

        Assert.AreEqual(RecipeRunOutcome.Failed, planner.Outcome, planner.Message);
        StringAssert.StartsWith(planner.Message, "step 4 \"compare\" (secret.yaml:13:5) failed: assertion failed: reads \"[secret]\"");
        Assert.IsFalse(result.Message.Contains(secret, StringComparison.Ordinal));
        var written = File.ReadAllText(journal);
        StringAssert.Contains(written, "\"type\"");
        Assert.IsFalse(written.Contains(secret, StringComparison.Ordinal), "the journal holds the secret");
    }
}
