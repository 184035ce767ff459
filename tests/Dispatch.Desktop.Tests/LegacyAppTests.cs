using Dispatch.Engine.Locators;
using Dispatch.Engine.Vision;

namespace Dispatch.Desktop.Tests;

/// <summary>
/// xcalc exposes no accessibility at all — the stand-in for a legacy app only vision can drive: its buttons are
/// found by OCR text and by image templates (assets/, cut from an xcalc screenshot), its display read by OCR.
/// </summary>
[TestClass]
public sealed class LegacyAppTests
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
        await s_desktop.LaunchAsync(s_desktop.App("xcalc"), w => w.ClassName == "XCalc");
        // Athena highlights the button under the pointer, which starts at the screen's centre — where xcalc may open.
        s_desktop.Desktop.Input.MoveMouse(new Engine.Geometry.Point(0, 0));
        await s_desktop.SettleAsync();
    }

    [ClassCleanup]
    public static void Stop()
    {
        s_ocr?.Dispose();
        s_desktop?.Dispose();
    }

    public TestContext TestContext { get; set; } = null!;

    private static string Asset(string name) => Path.Combine(AppContext.BaseDirectory, "assets", name);

    [TestMethod]
    public async Task Click_ButtonsFoundByTextAndImage_Computes12Times7AndOcrReads84()
    {
        var checker = new ActionabilityChecker(s_desktop.Desktop);
        var steps = new[]
        {
            $"image=\"{Asset("xcalc-1.png")}\" in window \"Calculator\"",
            "text=\"2\" in window \"Calculator\"",
            $"image=\"{Asset("xcalc-times.png")}\" in window \"Calculator\"",
            "text=\"7\" in window \"Calculator\"",
            $"image=\"{Asset("xcalc-equals.png")}\" in window \"Calculator\"",
        };
        foreach (var step in steps)
        {
            var button = await s_finder.FindAsync(step);
            Assert.AreNotEqual(MatchChannel.Accessibility, button.Channel, "xcalc has no accessibility tree");
            var report = await checker.CheckAsync(button, s_finder, TestContext.CancellationToken);
            Assert.IsTrue(report.IsActionable, report.ToString());
            s_desktop.Desktop.Input.Click(button.Bounds.Center);
            await s_desktop.Desktop.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(5), TestContext.CancellationToken);
        }

        var result = await s_finder.WaitAsync("text=\"84\" in window \"Calculator\"", TimeSpan.FromSeconds(5), TestContext.CancellationToken);
        Assert.AreEqual(MatchChannel.Ocr, result.Channel);
        var window = s_desktop.Desktop.Windows.List().Single(w => w.ClassName == "XCalc").Bounds;
        Assert.IsLessThan(window.Y + 60, result.Bounds.Y, $"84 was read at {result.Bounds}, not in the display at the top of {window}");
    }

    [TestMethod]
    public async Task Find_TextThatIsNotOnScreen_FailsListingTheNearestOcrWords()
    {
        var error = await Assert.ThrowsExactlyAsync<ElementNotFoundException>(() => s_finder.FindAsync("text=\"STOP\" in window \"Calculator\""));
        Assert.IsTrue(error.Result.NearMisses.Any(m => m.Channel == MatchChannel.Ocr), error.Message);
        StringAssert.Contains(error.Message, "OCR \"STO");
    }

    [TestMethod]
    public async Task Find_AnImageThatIsNotOnScreen_ReportsTheBestScoreBelowTheThreshold()
    {
        var error = await Assert.ThrowsExactlyAsync<ElementNotFoundException>(() => s_finder.FindAsync($"image=\"{Asset("xcalc-1.png")}\" in window \"no such window\""));
        StringAssert.Contains(error.Message, "window \"Calculator\"");
    }
}
