using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Vision;

namespace Dispatch.Desktop.Tests;

/// <summary>gnome-calculator (GTK 4, accessible): everything found by accessible name.</summary>
[TestClass]
public sealed class CalculatorTests
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
        var app = await s_desktop.LaunchAsync(s_desktop.App("gnome-calculator"), w => w.ClassName.Contains("calculator", StringComparison.OrdinalIgnoreCase));
        s_pid = app.Process.Id;
        await s_desktop.Desktop.Accessibility.WaitForAsync(UiScope.Process(s_pid), TimeSpan.FromSeconds(45));
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
    public async Task Click_ButtonsFoundByAccessibleName_Computes12Times7AndTheTreeReads84()
    {
        var checker = new ActionabilityChecker(s_desktop.Desktop);
        foreach (var label in new[] { "1", "2", "×", "7", "=" })
        {
            var button = s_finder.Find($"role=\"push button\" name=\"{label}\" in window \"Calculator\"");
            Assert.AreEqual(MatchChannel.Accessibility, button.Channel);
            var report = await checker.CheckAsync(button, s_finder, TestContext.CancellationToken);
            Assert.IsTrue(report.IsActionable, report.ToString());
            s_desktop.Desktop.Input.Click(button.Bounds.Center);
            await s_desktop.Desktop.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(5), TestContext.CancellationToken);
        }

        var display = s_finder.Find("role=text state=editable in window \"Calculator\"");
        Assert.AreEqual("84", s_desktop.Desktop.Accessibility.GetText(display.Node!));
    }

    [TestMethod]
    public void Snapshot_OfTheCalculator_HasItsButtonsWithBoundsOnScreen()
    {
        var tree = s_desktop.Desktop.Accessibility.Snapshot(UiScope.Process(s_pid));
        Assert.IsFalse(tree.IsPartial, tree.PartialReason);
        var buttons = tree.Nodes.Where(n => n.Role == "push button" && n.Actions.Contains("click")).ToList();
        Assert.IsGreaterThan(20, buttons.Count);
        var window = s_desktop.Desktop.Windows.List().Single(w => w.ProcessId == s_pid).Bounds;
        Assert.IsTrue(buttons.All(b => b.Bounds is { } bounds && window.Inflate(16).Contains(bounds)), "a button lies outside the calculator's window");
    }

    [TestMethod]
    public void Snapshot_WithASmallNodeLimit_StopsAndSaysItIsPartial()
    {
        var tree = s_desktop.Desktop.Accessibility.Snapshot(UiScope.Process(s_pid), new WalkLimits { MaxNodes = 10 });
        Assert.IsTrue(tree.IsPartial);
        Assert.AreEqual(10, tree.NodeCount);
        StringAssert.Contains(tree.PartialReason, "limit of 10 elements");
    }

    [TestMethod]
    public void Find_ANameThatIsNotThere_FailsListingTheNearestElements()
    {
        var error = Assert.ThrowsExactly<ElementNotFoundException>(() => s_finder.Find("role=\"push button\" name=\"Undoo\""));
        StringAssert.Contains(error.Message, "push button \"Undo\"");
        Assert.IsTrue(error.Result.NearMisses.Any(m => m.Channel == MatchChannel.Accessibility));
    }

    [TestMethod]
    public void Invoke_AStaleElement_RefusesNamingIt()
    {
        var tree = s_desktop.Desktop.Accessibility.Snapshot(UiScope.Process(s_pid));
        var button = tree.Nodes.First(n => n.Role == "push button" && n.Actions.Count > 0);
        var forged = button with { Name = "Not this button" };
        var error = Assert.ThrowsExactly<AccessibilityException>(() => s_desktop.Desktop.Accessibility.Invoke(forged));
        StringAssert.Contains(error.Message, "stale");
    }
}
