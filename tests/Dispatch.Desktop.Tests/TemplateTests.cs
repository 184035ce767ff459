using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Vision;
using OpenCvSharp;

namespace Dispatch.Desktop.Tests;

/// <summary>Image templates cut from a real app's screen: gnome-calculator's header-bar buttons.</summary>
[TestClass]
public sealed class TemplateTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Find_SmallCaptureOfAToolbarButton_IsFoundAtItsOwnSpot()
    {
        using var desktop = await TestDesktop.StartAsync();
        using var ocr = new OcrEngine();
        var finder = new ElementFinder(desktop.Desktop, ocr);
        var app = await desktop.LaunchAsync(desktop.App("gnome-calculator"), w => w.ClassName.Contains("calculator", StringComparison.OrdinalIgnoreCase));
        await desktop.Desktop.Accessibility.WaitForAsync(UiScope.Process(app.Process.Id), TimeSpan.FromSeconds(45));
        desktop.Desktop.Input.MoveMouse(new Engine.Geometry.Point(0, 0));
        await desktop.SettleAsync();
        var button = await finder.FindAsync("role=\"push button\" name=\"Undo\" in window \"Calculator\"");
        using var frame = desktop.Desktop.Screen.Capture();
        // A 37×35 capture around the button, as a person would cut it from a screenshot, at each offset against the
        // coarse search's 4-pixel grid.
        for (var offset = 0; offset < 4; offset++)
        {
            var spot = new Engine.Geometry.Rect(button.Bounds.Center.X - 18 + offset, button.Bounds.Center.Y - 17 + offset, 37, 35);
            var path = desktop.PathOf($"undo-{offset}.png");
            using (var pixels = frame.AsMat())
            using (var cut = new Mat(pixels, new OpenCvSharp.Rect(spot.X, spot.Y, spot.Width, spot.Height)))
            {
                Cv2.ImWrite(path, cut);
            }

            using var template = TemplateMatcher.LoadTemplate(path);
            var found = TemplateMatcher.Find(frame, template);
            var byLocator = await finder.FindAsync($"image=\"{path}\"");

            Assert.IsNotEmpty(found, $"offset {offset}: not found; the best score anywhere was {TemplateMatcher.Best(frame, template)}");
            Assert.AreEqual(spot, found[0].Bounds, $"offset {offset}: {found}");
            Assert.AreEqual(spot, byLocator.Bounds, $"offset {offset}");
            Assert.AreEqual(MatchChannel.Image, byLocator.Channel);
        }
    }
}
