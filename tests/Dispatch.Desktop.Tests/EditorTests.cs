using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Input;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Vision;

namespace Dispatch.Desktop.Tests;

/// <summary>mousepad (GTK 3): its document through the accessibility tree, its menu through OCR.</summary>
[TestClass]
public sealed class EditorTests
{
    private static TestDesktop s_desktop = null!;
    private static OcrEngine s_ocr = null!;
    private static ElementFinder s_finder = null!;
    private static int s_pid;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_desktop = await TestDesktop.StartAsync();
        s_ocr = new OcrEngine();
        s_finder = new ElementFinder(s_desktop.Desktop, s_ocr);
        var app = await s_desktop.LaunchAsync(s_desktop.App("mousepad", "--disable-server"), w => w.ClassName == "Mousepad");
        s_pid = app.Process.Id;
        await s_desktop.Desktop.Accessibility.WaitForAsync(UiScope.Process(s_pid), TimeSpan.FromSeconds(45));
        await s_desktop.SettleAsync();
    }

    [ClassCleanup]
    public static void Stop()
    {
        s_ocr?.Dispose();
        s_desktop?.Dispose();
    }

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task SetText_OnTheDocument_ShowsOnScreenAndReadsBack()
    {
        const string text = "Quarterly report\nTotal: 1250 EUR";
        var document = await s_finder.FindAsync("role=text state=editable in window \"Mousepad\"");

        await s_desktop.Desktop.Accessibility.SetTextAsync(document.Node!, text, TestContext.CancellationToken);

        Assert.AreEqual(text, await s_desktop.Desktop.Accessibility.GetTextAsync(document.Node!, TestContext.CancellationToken));
        var shown = await s_finder.WaitAsync("text=\"Total: 1250 EUR\" via=ocr in window \"Mousepad\"", TimeSpan.FromSeconds(5), TestContext.CancellationToken);
        // GTK 3 reports the text view's extents a bar's height too low while the root-account warning bar is shown,
        // so the check is against the window and the line order, not the view's reported extents.
        var window = s_desktop.Desktop.Windows.List().Single(w => w.ProcessId == s_pid).Bounds;
        Assert.IsTrue(window.Contains(shown.Bounds), $"the text was seen at {shown.Bounds}, outside the window {window}");
        var title = await s_finder.FindAsync("text=\"Quarterly report\" via=ocr in window \"Mousepad\"");
        Assert.IsLessThan(shown.Bounds.Y, title.Bounds.Y, "the first line was not read above the second");
    }

    [TestMethod]
    public async Task WaitForStableAsync_WhileTheCaretBlinks_IsStableOnlyWhenCaretBlinksAreIgnored()
    {
        var window = s_desktop.Desktop.Windows.List().Single(w => w.ProcessId == s_pid);
        s_desktop.Desktop.Windows.Activate(window.Id);
        await s_desktop.Desktop.Windows.WaitForWindowAsync(w => w.Id == window.Id && w.IsActive, TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        // A key press restarts GTK's caret blinking (on 800 ms, off 400 ms, for 10 s after the last key), so no
        // 1.3 s passes without a change unless the caret is ignored.
        s_desktop.Desktop.Input.PressKeys("End");
        var strict = new Engine.Capture.ScreenWatcher(s_desktop.Desktop.Screen, s_desktop.Desktop.Damage) { IgnoreCaretBlink = false };
        var lenient = new Engine.Capture.ScreenWatcher(s_desktop.Desktop.Screen, s_desktop.Desktop.Damage) { IgnoreCaretBlink = true };

        var blinking = await strict.WaitForStableAsync(window.Bounds, TimeSpan.FromMilliseconds(1300), TimeSpan.FromSeconds(4), TestContext.CancellationToken);
        s_desktop.Desktop.Input.PressKeys("End");
        var ignoring = await lenient.WaitForStableAsync(window.Bounds, TimeSpan.FromMilliseconds(1300), TimeSpan.FromSeconds(4), TestContext.CancellationToken);

        Assert.AreEqual(Engine.Capture.WaitOutcome.TimedOut, blinking.Outcome, $"the caret did not blink: {blinking}");
        Assert.IsTrue(blinking.Changes.All(c => c.Width <= 3), $"something other than the caret changed: {blinking}");
        Assert.AreEqual(Engine.Capture.WaitOutcome.Stable, ignoring.Outcome, ignoring.ToString());
    }

    [TestMethod]
    public async Task Click_AMenuFoundByOcr_OpensItsItems()
    {
        var file = await s_finder.FindAsync("text=\"File\" via=ocr in window \"Mousepad\"");
        Assert.AreEqual(MatchChannel.Ocr, file.Channel);

        s_desktop.Desktop.Input.Click(file.Bounds.Center);
        try
        {
            var item = await s_finder.WaitAsync("role=\"menu item\" name~=\"Save As\"", TimeSpan.FromSeconds(5), TestContext.CancellationToken);
            Assert.IsTrue(item.Node!.IsShowing);
        }
        finally
        {
            s_desktop.Desktop.Input.PressKeys("Escape");
        }
    }
}
