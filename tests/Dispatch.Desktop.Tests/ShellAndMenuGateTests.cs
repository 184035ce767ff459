using Dispatch.Engine.Actions;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Safety;
using Dispatch.Engine.Windowing;

namespace Dispatch.Desktop.Tests;

/// <summary>
/// Two ways around a gate that only watched buttons: a shell command run by Return in a terminal, and a context
/// menu's "Delete permanently" chosen by a right click or by the keyboard. Denied, the file and the document survive.
/// </summary>
[TestClass]
public sealed class ShellAndMenuGateTests
{
    private static TestDesktop s_desktop = null!;
    private static GatedDesktop s_gated = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_desktop = await TestDesktop.StartAsync();
        s_gated = new GatedDesktop(s_desktop, s_desktop.PathOf("shell-and-menu.jsonl"));
    }

    [ClassCleanup]
    public static void Stop()
    {
        s_gated?.Dispose();
        s_desktop?.Dispose();
    }

    public TestContext TestContext { get; set; } = null!;

    private static ScriptedApprovalChannel Denying() => new((_, _) => Task.FromResult(ScriptedApprovalChannel.Say(ApprovalOutcome.Denied)));

    [TestMethod]
    public async Task Terminal_ReturnUnderACommandLineThatDeletes_IsHeld_AndDeniedTheFileSurvives()
    {
        var victim = s_desktop.PathOf("important.txt");
        await File.WriteAllTextAsync(victim, "keep me", TestContext.CancellationToken);
        var terminal = await s_desktop.LaunchAsync(s_desktop.App("xterm", "-title", "shell", "-geometry", "90x20+100+100", "-e", "bash", "--norc", "--noprofile"));
        s_desktop.Desktop.Windows.Activate(terminal.Window.Id);
        await s_desktop.Desktop.Windows.WaitForWindowAsync(w => w.Id == terminal.Window.Id && w.IsActive, TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        await s_desktop.SettleAsync();
        var phone = Denying();

        var result = await s_gated.RunAsync(GatedDesktop.Batch(new ComputerAction(ActionKind.Type) { Text = $"rm -f {victim}" },
            new ComputerAction(ActionKind.Key) { Text = "Return" }), phone, cancellationToken: TestContext.CancellationToken);

        Assert.AreEqual(StepDecision.Allowed, result.Steps[0].Decision, "typing the command line runs nothing");
        Assert.HasCount(1, phone.Requests, result.Steps[1].ToString());
        StringAssert.Contains(phone.Requests[0].Reason, "terminal");
        await Task.Delay(300, TestContext.CancellationToken);
        Assert.IsTrue(File.Exists(victim), "the file was deleted although Return was denied");
        terminal.Process.Kill();
    }

    private async Task<(LaunchedApp App, string Output, Point Delete)> OpenContextMenuAsync(string name)
    {
        var output = s_desktop.PathOf(name);
        var app = await s_desktop.LaunchAsync(ToolkitApps.TkMenu(s_desktop, output), ToolkitApps.TkDocuments);
        await s_desktop.SettleAsync();
        var row = (await s_gated.Finder.FindAsync("text=\"thesis.tex\" via=ocr in window \"Documents\"")).Bounds.Center;
        var opened = await s_gated.RunAsync(GatedDesktop.Batch(new ComputerAction(ActionKind.RightClick) { Coordinate = row }), Denying(),
            cancellationToken: TestContext.CancellationToken);
        Assert.AreEqual(StepDecision.Allowed, opened.Steps[0].Decision, "opening a context menu is not irreversible");
        await s_desktop.SettleAsync();
        var popups = s_desktop.Desktop.Windows.Popups();
        var popup = popups.Count > 0 ? popups[^1] : throw new AssertFailedException("the context menu did not open");
        using var frame = s_desktop.Desktop.Screen.Capture();
        var lines = s_gated.Ocr.Recognize(frame, popup.Bounds).Lines;
        var delete = lines.FirstOrDefault(l => l.Text.Contains("Delete", StringComparison.Ordinal))
            ?? throw new AssertFailedException($"the menu at {popup.Bounds} reads {string.Join(" | ", lines.Select(l => l.Text))}");
        return (app, output, delete.Bounds.Center);
    }

    [TestMethod]
    [DataRow("{\"action\":\"right_click\",\"coordinate\":[ITEM]}")]
    [DataRow("{\"action\":\"left_click\",\"coordinate\":[ITEM]}")]
    [DataRow("{\"action\":\"key\",\"text\":\"Down Down Return\"}")]
    public async Task ContextMenu_DeletePermanently_ChosenAnyWay_IsHeld_AndDeniedTheDocumentSurvives(string json)
    {
        var (app, output, delete) = await OpenContextMenuAsync($"menu-{json.GetHashCode(StringComparison.Ordinal):x}.txt");
        var phone = Denying();

        try
        {
            var result = await s_gated.RunAsync(GatedDesktop.Batch(ComputerActionJson.Parse(json.Replace("[ITEM]", $"[{delete.X},{delete.Y}]", StringComparison.Ordinal))),
                phone, cancellationToken: TestContext.CancellationToken);

            Assert.HasCount(1, phone.Requests, result.Steps[0].ToString());
            await Task.Delay(300, TestContext.CancellationToken);
            Assert.IsFalse(File.Exists(output), $"the menu item ran: {(File.Exists(output) ? await File.ReadAllTextAsync(output, TestContext.CancellationToken) : "")}");
        }
        finally
        {
            app.Process.Kill();
            await app.Process.WaitForExitAsync(TestContext.CancellationToken);
        }
    }
}
