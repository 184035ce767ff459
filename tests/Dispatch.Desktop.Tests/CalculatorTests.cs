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
        s_desktop = await TestDesktop.StartAsync();
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
        s_desktop?.Dispose();
    }

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Click_ButtonsFoundByTheNeutralRoleButton_Computes12Times7AndTheTreeReads84()
    {
        var checker = new ActionabilityChecker(s_desktop.Desktop);
        foreach (var label in new[] { "1", "2", "×", "7", "=" })
        {
            var button = await s_finder.FindAsync($"role=button name=\"{label}\" in window \"Calculator\"");
            Assert.AreEqual(MatchChannel.Accessibility, button.Channel);
            var report = await checker.CheckAsync(button, s_finder, TestContext.CancellationToken);
            Assert.IsTrue(report.IsActionable, report.ToString());
            s_desktop.Desktop.Input.Click(button.Bounds.Center);
            await s_desktop.Desktop.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(5), TestContext.CancellationToken);
        }

        var display = await s_finder.FindAsync("role=text state=editable in window \"Calculator\"");
        Assert.AreEqual("84", await s_desktop.Desktop.Accessibility.GetTextAsync(display.Node!, TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task Snapshot_OfTheCalculator_HasItsButtonsWithBoundsOnScreen()
    {
        var tree = await s_desktop.Desktop.Accessibility.SnapshotAsync(UiScope.Process(s_pid), cancellationToken: TestContext.CancellationToken);
        Assert.IsFalse(tree.IsPartial, tree.PartialReason);
        var buttons = tree.Nodes.Where(n => n.BackendRole == "push button" && n.Actions.Contains("click")).ToList();
        Assert.IsGreaterThan(20, buttons.Count);
        var window = s_desktop.Desktop.Windows.List().Single(w => w.ProcessId == s_pid).Bounds;
        Assert.IsTrue(buttons.All(b => b.Bounds is { } bounds && window.Inflate(16).Contains(bounds)), "a button lies outside the calculator's window");
    }

    [TestMethod]
    public async Task Snapshot_WithASmallNodeLimit_StopsAndSaysItIsPartial()
    {
        var tree = await s_desktop.Desktop.Accessibility.SnapshotAsync(UiScope.Process(s_pid), new WalkLimits { MaxNodes = 10 }, TestContext.CancellationToken);
        Assert.IsTrue(tree.IsPartial);
        Assert.AreEqual(10, tree.NodeCount);
        StringAssert.Contains(tree.PartialReason, "limit of 10 elements");
    }

    [TestMethod]
    public async Task Find_ANameThatIsNotThere_FailsListingTheNearestElements()
    {
        var error = await Assert.ThrowsExactlyAsync<ElementNotFoundException>(() => s_finder.FindAsync("role=\"push button\" name=\"Undoo\""));
        StringAssert.Contains(error.Message, "button \"Undo\"");
        Assert.IsTrue(error.Result.NearMisses.Any(m => m.Channel == MatchChannel.Accessibility));
    }

    [TestMethod]
    public async Task Invoke_AStaleElement_RefusesNamingIt()
    {
        var tree = await s_desktop.Desktop.Accessibility.SnapshotAsync(UiScope.Process(s_pid), cancellationToken: TestContext.CancellationToken);
        var button = tree.Nodes.First(n => n.BackendRole == "push button" && n.Actions.Count > 0);
        var forged = button with { Name = "Not this button" };
        var error = await Assert.ThrowsExactlyAsync<AccessibilityException>(() => s_desktop.Desktop.Accessibility.InvokeAsync(forged, cancellationToken: TestContext.CancellationToken));
        StringAssert.Contains(error.Message, "stale");
    }

    [TestMethod]
    public async Task Find_ThePlatformsRoleName_IsAnAliasOfTheNeutralOne()
    {
        var neutral = await s_finder.FindAsync("role=button name=\"7\" in window \"Calculator\"", TestContext.CancellationToken);
        var platform = await s_finder.FindAsync("role=\"push button\" name=\"7\" in window \"Calculator\"", TestContext.CancellationToken);
        Assert.AreEqual(neutral.Bounds, platform.Bounds);
        Assert.AreEqual(UiRole.Button, platform.Node!.Role);
        Assert.AreEqual("push button", platform.Node.BackendRole);
    }

    [TestMethod]
    public async Task Find_TheRightNameWithTheWrongRole_FailsNamingTheRoleItHasAndTheRolesPresent()
    {
        var error = await Assert.ThrowsExactlyAsync<ElementNotFoundException>(() => s_finder.FindAsync("role=\"check box\" name=\"7\" in window \"Calculator\"", TestContext.CancellationToken));
        StringAssert.Contains(error.Message, "button \"7\" (a button, \"push button\", not check box)");
        StringAssert.Contains(error.Message, "roles here: button ×");
    }

    [TestMethod]
    public async Task Find_SeveralButtonsWithoutANumber_IsAnAmbiguityListingThem_AndFirstOrANumberChooses()
    {
        var error = await Assert.ThrowsExactlyAsync<AmbiguousMatchException>(() => s_finder.FindAsync("role=button in window \"Calculator\"", TestContext.CancellationToken));
        StringAssert.Contains(error.Message, "#1 ");
        StringAssert.Contains(error.Message, "#2 ");
        StringAssert.Contains(error.Message, "say which with #n");
        Assert.IsGreaterThan(20, error.Result.Matches.Count);
        var first = await s_finder.FindAsync("role=button in window \"Calculator\" first", TestContext.CancellationToken);
        var second = await s_finder.FindAsync("role=button in window \"Calculator\" #2", TestContext.CancellationToken);
        Assert.AreEqual(error.Result.Matches[0].Bounds, first.Bounds);
        Assert.AreEqual(error.Result.Matches[1].Bounds, second.Bounds);
    }

    [TestMethod]
    public async Task Wait_ForAButtonThatNeverComes_ReportsTheWholeWait()
    {
        var error = await Assert.ThrowsExactlyAsync<ElementNotFoundException>(() => s_finder.WaitAsync("role=button name=\"Launch\" in window \"Calculator\"", TimeSpan.FromSeconds(1), TestContext.CancellationToken));
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), error.Result.Elapsed);
        StringAssert.Contains(error.Message, " times in ");
    }
}
