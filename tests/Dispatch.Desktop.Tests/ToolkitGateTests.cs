using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Safety;
using Dispatch.Engine.Windowing;

namespace Dispatch.Desktop.Tests;

/// <summary>
/// The gate on toolkits the engine was not built around — Qt (PyQt5) with accessibility, Tk with none, a web page in
/// Chromium — rebuilding what once slipped through: a confirmation over its main window, a dialog only OCR can read,
/// a verb no list names, a button found by its accessible name in a browser, an in-page confirm() answered by Return,
/// a covered button. Each irreversible action is held; denied, nothing happened (checked on the app's output file or
/// its window title).
/// </summary>
[TestClass]
public sealed class ToolkitGateTests
{
    private static TestDesktop s_desktop = null!;
    private static GatedDesktop s_gated = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_desktop = await TestDesktop.StartAsync();
        s_gated = new GatedDesktop(s_desktop, s_desktop.PathOf("toolkits.jsonl"));
    }

    [ClassCleanup]
    public static void Stop()
    {
        s_gated?.Dispose();
        s_desktop?.Dispose();
    }

    public TestContext TestContext { get; set; } = null!;

    private static ScriptedApprovalChannel Answering(ApprovalOutcome outcome) => new((_, _) => Task.FromResult(ScriptedApprovalChannel.Say(outcome)));

    private static ComputerAction ClickAt(Point point) => new(ActionKind.LeftClick) { Coordinate = point };

    private async Task<LaunchedApp> LaunchAsync(System.Diagnostics.ProcessStartInfo start, Func<WindowInfo, bool> match, bool accessible)
    {
        var app = await s_desktop.LaunchAsync(start, match);
        if (accessible)
        {
            await s_desktop.Desktop.Accessibility.WaitForAsync(UiScope.Process(app.Process.Id), TimeSpan.FromSeconds(45), cancellationToken: TestContext.CancellationToken);
        }
        await s_desktop.SettleAsync();
        return app;
    }

    private async Task AssertNothingHappenedAsync(LaunchedApp app, string outPath)
    {
        await Task.Delay(500, TestContext.CancellationToken);
        Assert.IsFalse(File.Exists(outPath), $"the app wrote '{(File.Exists(outPath) ? await File.ReadAllTextAsync(outPath, TestContext.CancellationToken) : "")}' although the action was denied");
        Assert.IsFalse(app.Process.HasExited, "the app was answered although the action was denied");
    }

    private async Task<string> OutcomeAsync(LaunchedApp app, string outPath)
    {
        await app.Process.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(15), TestContext.CancellationToken);
        return (await File.ReadAllTextAsync(outPath, TestContext.CancellationToken)).Trim();
    }

    [TestMethod]
    public async Task Qt_YesOfAConfirmationOverItsMainWindow_IsJudgedByTheDialogsButton_AndDeniedDeletesNothing()
    {
        var output = s_desktop.PathOf("qt-denied.txt");
        var app = await LaunchAsync(ToolkitApps.QtConfirm(s_desktop, output), ToolkitApps.QtConfirmDialog, accessible: true);
        var yes = (await s_gated.Finder.WaitAsync("role=\"push button\" name=\"Yes\" in window \"Delete order\"", TimeSpan.FromSeconds(20), TestContext.CancellationToken)).Bounds.Center;
        var phone = Answering(ApprovalOutcome.Denied);

        var result = await s_gated.RunAsync(GatedDesktop.Batch(ClickAt(yes)), phone, cancellationToken: TestContext.CancellationToken);

        Assert.HasCount(1, phone.Requests, result.Steps[0].ToString());
        StringAssert.Contains(phone.Requests[0].Sentence, "Click 'Yes' in 'Delete order'");
        await AssertNothingHappenedAsync(app, output);
        app.Process.Kill();
    }

    [TestMethod]
    public async Task Qt_APlainLetterTheMessageBoxTakesAsAnAnswer_IsHeld_AndApprovedDeletes()
    {
        var output = s_desktop.PathOf("qt-letter.txt");
        var app = await LaunchAsync(ToolkitApps.QtConfirm(s_desktop, output), ToolkitApps.QtConfirmDialog, accessible: true);
        var phone = Answering(ApprovalOutcome.Approved);

        var result = await s_gated.RunAsync(GatedDesktop.Batch(new ComputerAction(ActionKind.Type) { Text = "y" }), phone, cancellationToken: TestContext.CancellationToken);

        Assert.HasCount(1, phone.Requests, result.Steps[0].ToString());
        Assert.AreEqual("deleted", await OutcomeAsync(app, output));
    }

    [TestMethod]
    public async Task Qt_InvokeOnACoveredButton_FailsAsNotOnTop_AndPressesNothing()
    {
        var output = s_desktop.PathOf("qt-covered.txt");
        var app = await LaunchAsync(ToolkitApps.QtConfirm(s_desktop, output, ask: false), w => w.ClassName == "qt_confirm" && w.Title == "Orders", accessible: true);
        var button = (await s_gated.Finder.WaitAsync("role=\"push button\" name~=\"Delete order\" in window \"Orders\"", TimeSpan.FromSeconds(20), TestContext.CancellationToken)).Bounds;
        var cover = await s_desktop.LaunchAsync(s_desktop.App("xterm", "-title", "cover", "-geometry", "30x4+0+0"));
        s_desktop.Desktop.Windows.MoveResize(cover.Window.Id, new Rect(button.X - 20, button.Y - 20, button.Width + 40, button.Height + 40));
        await s_desktop.Desktop.Windows.WaitForWindowAsync(w => w.Id == cover.Window.Id && w.Bounds.Contains(button.Center), TimeSpan.FromSeconds(5), TestContext.CancellationToken);
        await s_desktop.SettleAsync();
        var phone = Answering(ApprovalOutcome.Approved);

        var result = await s_gated.RunAsync(GatedDesktop.Batch(new ComputerAction(ActionKind.Invoke) { Locator = "role=\"push button\" name~=\"Delete order\" in window \"Orders\"" }),
            phone, cancellationToken: TestContext.CancellationToken);

        Assert.AreEqual(StepOutcome.NotActionable, result.Steps[0].Outcome, result.Steps[0].ToString());
        StringAssert.Contains(result.Steps[0].Detail, "on top");
        Assert.IsEmpty(phone.Requests);
        await Task.Delay(500, TestContext.CancellationToken);
        Assert.IsFalse(s_desktop.Desktop.Windows.List().Any(w => ToolkitApps.QtConfirmDialog(w) && w.ProcessId == app.Process.Id),
            "the covered button was pressed: its confirmation opened");
        cover.Process.Kill();
        app.Process.Kill();
    }

    [TestMethod]
    [DataRow("{\"action\":\"key\",\"text\":\"Return\"}")]
    [DataRow("{\"action\":\"key\",\"text\":\"alt+y\"}")]
    [DataRow("{\"action\":\"left_click\",\"coordinate\":[YES]}")]
    public async Task Tk_ADialogOnlyOcrCanRead_AboutPermanentDeletion_HoldsReturnTheMnemonicAndAClick(string json)
    {
        var output = s_desktop.PathOf($"tk-{json.GetHashCode(StringComparison.Ordinal):x}.txt");
        var app = await LaunchAsync(ToolkitApps.TkConfirm(s_desktop, output), ToolkitApps.TkConfirmDialog, accessible: false);
        var yes = (await s_gated.Finder.FindAsync("text~=\"Yes\" via=ocr in window \"Delete record\"")).Bounds.Center;
        var phone = Answering(ApprovalOutcome.Denied);

        var result = await s_gated.RunAsync(GatedDesktop.Batch(ComputerActionJson.Parse(json.Replace("[YES]", $"[{yes.X},{yes.Y}]", StringComparison.Ordinal))), phone,
            cancellationToken: TestContext.CancellationToken);

        Assert.HasCount(1, phone.Requests, result.Steps[0].ToString());
        await AssertNothingHappenedAsync(app, output);
        app.Process.Kill();
    }

    [TestMethod]
    public async Task Tk_AVerbNoListNames_InADialogAboutDeletion_IsHeld()
    {
        var output = s_desktop.PathOf("tk-expunge.txt");
        var app = await LaunchAsync(ToolkitApps.TkConfirm(s_desktop, output, verb: "Expunge"), ToolkitApps.TkConfirmDialog, accessible: false);
        var expunge = (await s_gated.Finder.FindAsync("text~=\"Expunge\" via=ocr in window \"Delete record\"")).Bounds.Center;
        var phone = Answering(ApprovalOutcome.Denied);

        var result = await s_gated.RunAsync(GatedDesktop.Batch(ClickAt(expunge)), phone, cancellationToken: TestContext.CancellationToken);

        Assert.HasCount(1, phone.Requests, result.Steps[0].ToString());
        await AssertNothingHappenedAsync(app, output);
        app.Process.Kill();
    }

    [TestMethod]
    public async Task Tk_TheSafeChoice_ReadByOcrWithItsUnderline_IsNotHeld()
    {
        var output = s_desktop.PathOf("tk-no.txt");
        var app = await LaunchAsync(ToolkitApps.TkConfirm(s_desktop, output), ToolkitApps.TkConfirmDialog, accessible: false);
        var no = (await s_gated.Finder.FindAsync("text~=\"No\" via=ocr in window \"Delete record\"")).Bounds.Center;
        var phone = Answering(ApprovalOutcome.Denied);

        var result = await s_gated.RunAsync(GatedDesktop.Batch(ClickAt(no)), phone, cancellationToken: TestContext.CancellationToken);

        Assert.IsEmpty(phone.Requests, $"the safe choice was held: {result.Steps[0]}");
        Assert.AreEqual("kept", await OutcomeAsync(app, output));
    }

    [TestMethod]
    public async Task Tk_SendClaim_ClickedInTheMiddleOfItsLabel_IsHeld()
    {
        var output = s_desktop.PathOf("tk-claim.txt");
        var app = await LaunchAsync(ToolkitApps.TkForm(s_desktop, output, "Jane Ünal"), ToolkitApps.TkClaimForm, accessible: false);
        var send = (await s_gated.Finder.FindAsync("text=\"Send claim\" via=ocr in window \"Claim form\"")).Bounds;
        var phone = Answering(ApprovalOutcome.Denied);

        // Just right of the label's centre, on the word "claim": the phrase, not the nearest word, names the button.
        var result = await s_gated.RunAsync(GatedDesktop.Batch(ClickAt(new Point(send.X + send.Width * 3 / 4, send.Center.Y))), phone,
            cancellationToken: TestContext.CancellationToken);

        Assert.HasCount(1, phone.Requests, result.Steps[0].ToString());
        StringAssert.Contains(phone.Requests[0].Sentence, "Send claim");
        await AssertNothingHappenedAsync(app, output);
        app.Process.Kill();
    }

    private async Task<LaunchedApp> ChromiumAsync(bool ask)
    {
        var profile = Directory.CreateDirectory(s_desktop.PathOf($"chromium-{Guid.NewGuid():N}")).FullName;
        var app = await LaunchAsync(ToolkitApps.Chromium(s_desktop, profile, ask), ToolkitApps.ChromiumClaimForm, accessible: true);
        await s_gated.Finder.WaitAsync(ask ? "role=\"push button\" name=\"OK\"" : "role=\"push button\" name=\"Send claim\"", TimeSpan.FromSeconds(30), TestContext.CancellationToken);
        await s_desktop.SettleAsync();
        return app;
    }

    private static string TitleOf(LaunchedApp app) => s_desktop.Desktop.Windows.Get(app.Window.Id)?.Title ?? "(gone)";

    [TestMethod]
    public async Task Chromium_SendClaimFoundByItsAccessibleName_IsHeld_AndDeniedSendsNothing()
    {
        var app = await ChromiumAsync(ask: false);
        var phone = Answering(ApprovalOutcome.Denied);

        var result = await s_gated.RunAsync(GatedDesktop.Batch(new ComputerAction(ActionKind.ClickElement) { Locator = "role=\"push button\" name=\"Send claim\"" }),
            phone, cancellationToken: TestContext.CancellationToken);

        Assert.HasCount(1, phone.Requests, result.Steps[0].ToString());
        StringAssert.Contains(phone.Requests[0].Sentence, "Click 'Send claim'");
        await Task.Delay(500, TestContext.CancellationToken);
        Assert.AreEqual("Claim form", TitleOf(app));
        app.Process.Kill(entireProcessTree: true);
    }

    [TestMethod]
    public async Task Chromium_ReturnInTheFormsTextField_WouldSubmitIt_AndIsHeld()
    {
        var app = await ChromiumAsync(ask: false);
        var phone = Answering(ApprovalOutcome.Denied);

        var result = await s_gated.RunAsync(GatedDesktop.Batch(new ComputerAction(ActionKind.Type) { Text = "Jane" }, new ComputerAction(ActionKind.Key) { Text = "Return" }),
            phone, cancellationToken: TestContext.CancellationToken);

        Assert.AreEqual(StepDecision.Allowed, result.Steps[0].Decision, "typing a name is not irreversible");
        Assert.HasCount(1, phone.Requests, result.Steps[1].ToString());
        await Task.Delay(500, TestContext.CancellationToken);
        Assert.AreEqual("Claim form", TitleOf(app));
        app.Process.Kill(entireProcessTree: true);
    }

    [TestMethod]
    public async Task Chromium_AnInPageConfirmAboutPermanentDeletion_AnsweredByReturn_IsHeld()
    {
        var app = await ChromiumAsync(ask: true);
        var phone = Answering(ApprovalOutcome.Denied);

        var result = await s_gated.RunAsync(GatedDesktop.Batch(new ComputerAction(ActionKind.Key) { Text = "Return" }), phone, cancellationToken: TestContext.CancellationToken);

        Assert.HasCount(1, phone.Requests, result.Steps[0].ToString());
        await Task.Delay(500, TestContext.CancellationToken);
        Assert.AreEqual("Claim form", TitleOf(app), "the draft was deleted although Return was denied");
        app.Process.Kill(entireProcessTree: true);
    }
}
