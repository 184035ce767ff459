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
        s_desktop = await AccessibleDesktop.GetAsync();
        s_ocr = new OcrEngine();
        s_finder = new ElementFinder(s_desktop.Desktop, s_ocr);
        var app = await s_desktop.LaunchAsync(s_desktop.App("mousepad", "--disable-server"), w => w.ClassName == "Mousepad");
        s_pid = app.Process.Id;
        await s_desktop.Desktop.Accessibility.WaitForAsync(UiScope.Process(s_pid), TimeSpan.FromSeconds(15));
        await s_desktop.SettleAsync();
    }

    [ClassCleanup]
    public static void Stop()
    {
        s_ocr?.Dispose();
        s_desktop?.CloseApps();
    }

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task SetText_OnTheDocument_ShowsOnScreenAndReadsBack()
    {
        const string text = "Quarterly report\nTotal: 1250 EUR";
        var document = s_finder.Find("role=text state=editable in window \"Mousepad\"");

        s_desktop.Desktop.Accessibility.SetText(document.Node!, text);

        Assert.AreEqual(text, s_desktop.Desktop.Accessibility.GetText(document.Node!));
        var shown = await s_finder.WaitAsync("text=\"Total: 1250 EUR\" via=ocr in window \"Mousepad\"", TimeSpan.FromSeconds(5), TestContext.CancellationToken);
        // GTK 3 reports the text view's extents a bar's height too low while the root-account warning bar is shown,
        // so the check is against the window and the line order, not the view's reported extents.
        var window = s_desktop.Desktop.Windows.List().Single(w => w.ProcessId == s_pid).Bounds;
        Assert.IsTrue(window.Contains(shown.Bounds), $"the text was seen at {shown.Bounds}, outside the window {window}");
        var title = s_finder.Find("text=\"Quarterly report\" via=ocr in window \"Mousepad\"");
        Assert.IsLessThan(shown.Bounds.Y, title.Bounds.Y, "the first line was not read above the second");
    }

    [TestMethod]
    public async Task Click_AMenuFoundByOcr_OpensItsItems()
    {
        var file = s_finder.Find("text=\"File\" via=ocr in window \"Mousepad\"");
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
