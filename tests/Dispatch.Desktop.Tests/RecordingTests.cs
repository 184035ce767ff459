using Dispatch.Engine.Actions;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Recording;
using Dispatch.Engine.Vision;

namespace Dispatch.Desktop.Tests;

/// <summary>
/// Recording on a real desktop: a simulated person (XTest from a connection of its own, as a keyboard and mouse would
/// arrive) works in a zenity dialog while <see cref="SessionRecorder"/> runs; the session folder must say what they did
/// and what they did it to, and the dialog must have got exactly their input.
/// </summary>
[TestClass]
public sealed class RecordingTests
{
    private static TestDesktop s_desktop = null!;
    private static OcrEngine s_ocr = null!;
    private static ElementFinder s_finder = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_desktop = await TestDesktop.StartAsync();
        s_ocr = new OcrEngine();
        s_finder = new ElementFinder(s_desktop.Desktop, s_ocr);
    }

    [ClassCleanup]
    public static void Stop()
    {
        s_ocr?.Dispose();
        s_desktop?.Dispose();
    }

    public TestContext TestContext { get; set; } = null!;

    /// <summary>Opens the guest book dialog (its answer and exit status go to <paramref name="answer"/>) and waits until it is accessible.</summary>
    private async Task<Engine.Windowing.LaunchedApp> GuestBookAsync(string answer)
    {
        var app = await s_desktop.LaunchAsync(s_desktop.App("sh", "-c", $"zenity --entry --title 'Guest book' --text 'Your name:' > '{answer}'; echo $? >> '{answer}'"),
            w => w.Title == "Guest book");
        await s_desktop.Desktop.Accessibility.WaitForAsync(Engine.Accessibility.UiScope.Window("Guest book"), TimeSpan.FromSeconds(45), cancellationToken: TestContext.CancellationToken);
        await s_desktop.SettleAsync();
        return app;
    }

    /// <summary>Records a simulated person clicking the dialog's field, typing <paramref name="name"/> and pressing Return.</summary>
    private async Task<(string Folder, RecordedSession Session)> RecordGuestAsync(string answer, string name)
    {
        var app = await GuestBookAsync(answer);
        var field = await s_finder.FindAsync("role=text in window \"Guest book\"");
        var folder = s_desktop.PathOf($"session-{Guid.NewGuid():N}");
        var recorder = new SessionRecorder(s_desktop.Desktop, new StepResolver(s_desktop.Desktop, s_finder, s_ocr), s_finder, TimeProvider.System);

        var recording = recorder.RecordAsync(folder, TestContext.CancellationToken);
        using (var person = s_desktop.Virtual.Open())
        {
            person.Input.MoveMouse(field.Bounds.Center);
            // A person's pointer comes to rest on what they are about to click.
            await Task.Delay(800, TestContext.CancellationToken);
            person.Input.Click(null);
            await person.Input.TypeAsync(name, cancellationToken: TestContext.CancellationToken);
            person.Input.PressKeys("Return");
            await app.Process.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.CancellationToken);
            person.Input.PressKeys(SessionRecorder.StopKey);
        }
        return (folder, await recording.WaitAsync(TimeSpan.FromSeconds(60), TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task APersonsClickTypingAndReturn_AreRecordedAsThreeSteps_NamingTheFieldTheyClicked()
    {
        var answer = s_desktop.PathOf("guest-answer.txt");

        var (folder, session) = await RecordGuestAsync(answer, "Ada Lovelace");

        Assert.AreEqual($"Ada Lovelace{Environment.NewLine}0{Environment.NewLine}", await File.ReadAllTextAsync(answer, TestContext.CancellationToken));
        var steps = SessionFolder.ReadSteps(folder);
        var actions = steps.Select(s => ComputerActionJson.Parse(s.Action)).ToList();
        Assert.AreEqual(3, SessionFolder.ReadSession(folder).Steps, "session.json");
        Assert.AreEqual(3, session.Steps, string.Join(Environment.NewLine, steps.Select(s => s.Action.ToString())));
        Assert.AreEqual(ActionKind.LeftClick, actions[0].Kind);
        Assert.AreEqual(new ComputerAction(ActionKind.Type) { Text = "Ada Lovelace" }, actions[1]);
        Assert.AreEqual(new ComputerAction(ActionKind.Key) { Text = "Return" }, actions[2]);
        var click = steps[0];
        Assert.IsFalse(click.PerceivedAfterPress, "the field was read only after the press, not while the pointer rested on it");
        Assert.AreEqual("accessibility", click.Locators[0].Channel, string.Join(" | ", click.Locators));
        StringAssert.Contains(click.Locators[0].Locator, "in window \"Guest book\"");
        Assert.AreEqual("screen", click.Locators[^1].Channel);
        Assert.AreEqual("Guest book", click.WindowTitle);
        Assert.IsNotNull(click.TargetImage);
        Assert.IsTrue(File.Exists(Path.Combine(folder, click.TargetImage)), "the target's crop is missing");
        Assert.IsTrue(steps.All(s => File.Exists(Path.Combine(folder, s.Before))), "a step's before screenshot is missing");
    }

    [TestMethod]
    public async Task ARecordedSession_ReplaysIntoAFreshDialogMovedElsewhere_ClickingTheFieldWhereItIsNow()
    {
        var (folder, _) = await RecordGuestAsync(s_desktop.PathOf("guest-first.txt"), "Grace Hopper");
        var answer = s_desktop.PathOf("guest-replayed.txt");
        var app = await GuestBookAsync(answer);
        s_desktop.Desktop.Windows.MoveResize(app.Window.Id, app.Window.Bounds with { X = 40, Y = 60 });
        await s_desktop.SettleAsync();
        var replay = new ReplayPlanner(folder, SessionFolder.ReadSteps(folder), s_desktop.Desktop, s_finder, TimeProvider.System);
        using var gated = new GatedDesktop(s_desktop, s_desktop.PathOf($"{TestContext.TestName}.jsonl"));
        var phone = new ScriptedApprovalChannel((_, _) => Task.FromResult(ScriptedApprovalChannel.Say(Engine.Safety.ApprovalOutcome.Denied)));

        var result = await gated.RunAsync(replay, phone, options: new Engine.Loop.LoopOptions { MaxSteps = 10, ScreenCoordinates = true },
            cancellationToken: TestContext.CancellationToken);
        await app.Process.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.CancellationToken);

        Assert.AreEqual(ReplayFailure.None, replay.Failure, replay.Message);
        Assert.AreEqual($"Grace Hopper{Environment.NewLine}0{Environment.NewLine}", await File.ReadAllTextAsync(answer, TestContext.CancellationToken));
        Assert.IsEmpty(phone.Requests, "a step of this session was held");
        var click = replay.Reports[0];
        Assert.AreEqual("accessibility", click.Channel);
        Assert.IsFalse(click.Healed);
        Assert.AreNotEqual(click.RecordedPoint, click.ReplayedPoint, "the dialog was moved, so the field is elsewhere");
        Assert.HasCount(3, result.Steps);
    }

    [TestMethod]
    public async Task ARecordingTurnedIntoARecipe_UsesLocatorsNotCoordinates_AndRunsGreenOnAFreshDialog()
    {
        var (folder, session) = await RecordGuestAsync(s_desktop.PathOf("guest-recorded.txt"), "Alan {Turing}");
        var (yaml, _) = RecipeFromRecording.Convert(session, SessionFolder.ReadSteps(folder), "guest book");
        var recipe = Engine.Recipes.RecipeParser.Parse(yaml, "guest.yaml");
        var answer = s_desktop.PathOf("guest-recipe.txt");
        var app = await GuestBookAsync(answer);
        s_desktop.Desktop.Windows.MoveResize(app.Window.Id, app.Window.Bounds with { X = 500, Y = 40 });
        await s_desktop.SettleAsync();
        using var gated = new GatedDesktop(s_desktop, s_desktop.PathOf($"{TestContext.TestName}.jsonl"));
        var planner = new Engine.Recipes.RecipePlanner(recipe, Engine.Recipes.RecipeValues.Bind(recipe, new Dictionary<string, string>(), s_desktop.WorkDirectory),
            s_desktop.Desktop, gated.Finder, gated.Ocr, TimeProvider.System);
        var phone = new ScriptedApprovalChannel((_, _) => Task.FromResult(ScriptedApprovalChannel.Say(Engine.Safety.ApprovalOutcome.Denied)));

        await gated.RunAsync(planner, phone, options: new Engine.Loop.LoopOptions { MaxSteps = 20, ScreenCoordinates = true }, cancellationToken: TestContext.CancellationToken);
        await app.Process.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.CancellationToken);

        Assert.AreEqual(Engine.Recipes.RecipeRunOutcome.Completed, planner.Outcome, planner.Message);
        Assert.AreEqual($"Alan {{Turing}}{Environment.NewLine}0{Environment.NewLine}", await File.ReadAllTextAsync(answer, TestContext.CancellationToken));
        StringAssert.Contains(yaml, "- click: \"role=");
        StringAssert.Contains(yaml, "- type: \"Alan {{Turing}}\"");
        Assert.IsFalse(yaml.Contains("point=", StringComparison.Ordinal), yaml);
    }
}
