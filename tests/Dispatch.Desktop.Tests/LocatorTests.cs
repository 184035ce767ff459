using Dispatch.Engine.Actions;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Windowing;

namespace Dispatch.Desktop.Tests;

/// <summary>
/// Locators that mean what a person means, on toolkits with and without accessibility: fields found beside their
/// labels (by the accessibility tree in Qt, by OCR and the field's pixels in Tk), a modal dialog's own elements, and
/// never a silent guess — several matches, an ambiguous window title or a field that kept other text say so.
/// </summary>
[TestClass]
public sealed class LocatorTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(20);
    private static TestDesktop s_desktop = null!;
    private static GatedDesktop s_gated = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_desktop = await TestDesktop.StartAsync();
        s_gated = new GatedDesktop(s_desktop, s_desktop.PathOf("locators.jsonl"));
    }

    [ClassCleanup]
    public static void Stop()
    {
        s_gated?.Dispose();
        s_desktop?.Dispose();
    }

    public TestContext TestContext { get; set; } = null!;

    private static ElementFinder Finder => s_gated.Finder;

    [TestMethod]
    public async Task Tk_EntriesRightOfTheirOcrLabels_AreFoundByTheirPixels_FilledAndSaved()
    {
        var output = s_desktop.PathOf("tk-order.txt");
        var app = await s_desktop.LaunchAsync(ToolkitApps.TkOrder(s_desktop, output), ToolkitApps.TkOrderEntry);
        await s_desktop.SettleAsync();
        var fields = new Dictionary<string, Rect>();
        foreach (var (label, value) in new[] { ("Customer:", "Ada Lovelace"), ("City:", "London"), ("Quantity:", "12") })
        {
            var field = await Finder.FindAsync($"role=entry right of text=\"{label}\" in window \"Order entry\"", TestContext.CancellationToken);
            Assert.AreEqual(MatchChannel.Shape, field.Channel, field.ToString());
            fields[label] = field.Bounds;
            s_desktop.Desktop.Input.Click(field.Bounds.Center);
            // As the executor does after every action: the click has moved the caret before the keys follow.
            await s_desktop.Desktop.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(5), TestContext.CancellationToken);
            await s_desktop.Desktop.Input.TypeAsync(value, cancellationToken: TestContext.CancellationToken);
        }
        // Each label's own field, not the nearest box anywhere: the rows' fields differ as the form draws them.
        Assert.IsGreaterThan(fields["City:"].Width, fields["Customer:"].Width);
        Assert.IsLessThan(fields["City:"].Y, fields["Customer:"].Y);
        Assert.IsLessThan(fields["Quantity:"].Y, fields["City:"].Y);

        var save = await Finder.FindAsync("text=\"Save\" in window \"Order entry\"", TestContext.CancellationToken);
        s_desktop.Desktop.Input.Click(save.Bounds.Center);
        await app.Process.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(s_wait, TestContext.CancellationToken);

        Assert.AreEqual("Ada Lovelace|London|12", await File.ReadAllTextAsync(output, TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task Tk_AFieldLeftOfALabel_IsAMissThatSaysWhatLiesElsewhere()
    {
        var app = await s_desktop.LaunchAsync(ToolkitApps.TkOrder(s_desktop, s_desktop.PathOf("tk-left.txt")), ToolkitApps.TkOrderEntry);
        await s_desktop.SettleAsync();

        var result = await Finder.FindAllAsync("role=entry left of text=\"Customer:\" in window \"Order entry\"", TestContext.CancellationToken);

        Assert.IsFalse(result.Found, string.Join("; ", result.Matches));
        StringAssert.Contains(result.ExplainMiss(), "not left of the anchor");
        await CloseAsync(app);
    }

    [TestMethod]
    public async Task Tk_ANameOnlyThePixelsShow_IsAMissThatPointsAtTheOcrReading()
    {
        var app = await s_desktop.LaunchAsync(ToolkitApps.TkOrder(s_desktop, s_desktop.PathOf("tk-hint.txt")), ToolkitApps.TkOrderEntry);
        await s_desktop.SettleAsync();

        var error = await Assert.ThrowsExactlyAsync<ElementNotFoundException>(() => Finder.FindAsync("role=button name=\"Save\" in window \"Order entry\"", TestContext.CancellationToken));

        StringAssert.Contains(error.Message, "nothing accessible");
        var seen = error.Result.NearMisses.Single(m => m.Channel == MatchChannel.Ocr);
        StringAssert.Contains(seen.Description, "Save\" on the screen (text=\"Save\" finds it by its pixels)");
        Assert.IsTrue(app.Window.Bounds.Contains(seen.Bounds!.Value), $"{seen} lies outside the form");
        await CloseAsync(app);
    }

    [TestMethod]
    public async Task Qt_InWindowOfAModalDialog_NeverMatchesItsParentsElements_AndSeveralButtonsAreAnAmbiguity()
    {
        var output = s_desktop.PathOf("qt-form.txt");
        var app = await s_desktop.LaunchAsync(ToolkitApps.QtForm(s_desktop, output), w => w.ClassName == "qt_form" && w.Title == "Order form");
        var save = await Finder.WaitAsync("role=button name=\"Save\" in window \"Order form\"", s_wait, TestContext.CancellationToken);
        s_desktop.Desktop.Input.Click(save.Bounds.Center);
        var yes = await Finder.WaitAsync("role=button name=\"Yes\" in window \"Confirm save\"", s_wait, TestContext.CancellationToken);

        // The parent's Save button and fields lie right behind the dialog, some inside its rectangle: none is the dialog's.
        var parents = await Finder.FindAllAsync("role=button name=\"Save\" in window \"Confirm save\"", TestContext.CancellationToken);
        Assert.IsFalse(parents.Found, string.Join("; ", parents.Matches));
        StringAssert.Contains(parents.ExplainMiss(), "in another window \"Order form\"");
        Assert.IsFalse((await Finder.FindAllAsync("role=entry in window \"Confirm save\"", TestContext.CancellationToken)).Found);

        var buttons = await Finder.FindAllAsync("role=button in window \"Confirm save\"", TestContext.CancellationToken);
        Assert.IsTrue(buttons.IsAmbiguous);
        var ambiguous = await Assert.ThrowsExactlyAsync<AmbiguousMatchException>(() => Finder.FindAsync("role=button in window \"Confirm save\"", TestContext.CancellationToken));
        StringAssert.Contains(ambiguous.Message, "button \"Yes\"");
        StringAssert.Contains(ambiguous.Message, "button \"No\"");
        Assert.AreEqual(yes.Bounds, (await Finder.FindAsync("role=button name=\"Yes\" in window \"Confirm save\"", TestContext.CancellationToken)).Bounds);

        s_desktop.Desktop.Input.Click((await Finder.FindAsync("role=button name=No in window \"Confirm save\"", TestContext.CancellationToken)).Bounds.Center);
        await Finder.WaitVanishAsync("role=button name=No in window \"Confirm save\"", s_wait, TestContext.CancellationToken);
        Assert.IsFalse(File.Exists(output), "No saved the order");
        await CloseAsync(app);
    }

    [TestMethod]
    public async Task Qt_AHiddenButton_IsAMissThatSaysItExistsButIsNotShowing()
    {
        var app = await s_desktop.LaunchAsync(ToolkitApps.QtForm(s_desktop, s_desktop.PathOf("qt-hidden.txt")), w => w.ClassName == "qt_form" && w.Title == "Order form");
        await Finder.WaitAsync("role=button name=\"Save\" in window \"Order form\"", s_wait, TestContext.CancellationToken);

        var hidden = await Finder.FindAllAsync("role=button name=\"Print\" in window \"Order form\"", TestContext.CancellationToken);

        Assert.IsFalse(hidden.Found);
        StringAssert.Contains(hidden.ExplainMiss(), "button \"Print\" (exists but is not showing)");
        await CloseAsync(app);
    }

    [TestMethod]
    public async Task Qt_FieldsRightOfTheirLabels_SetTextReadsBack_AndAFieldThatCannotChangeFails()
    {
        var output = s_desktop.PathOf("qt-fields.txt");
        var app = await s_desktop.LaunchAsync(ToolkitApps.QtForm(s_desktop, output), w => w.ClassName == "qt_form" && w.Title == "Order form");
        await Finder.WaitAsync("role=button name=\"Save\" in window \"Order form\"", s_wait, TestContext.CancellationToken);

        Assert.IsNull(await SetTextAsync("role=entry right of text=\"Customer:\" in window \"Order form\"", "Ada Lovelace"));
        Assert.IsNull(await SetTextAsync("role=entry right of text=\"Quantity:\" in window \"Order form\"", "12"));
        // Digits only: the field keeps "12", and set_text says so instead of reporting success.
        var letters = await SetTextAsync("role=entry right of text=\"Quantity:\" in window \"Order form\"", "twelve");
        Assert.IsNotNull(letters, "set_text reported success though the field undoes letters");
        StringAssert.Contains(letters, "\"12\"");
        // Read-only: nothing is typed into it either.
        var readOnly = await SetTextAsync("role=text right of text=\"Order number:\" in window \"Order form\"", "B-2002");
        Assert.IsNotNull(readOnly, "set_text changed a read-only field");
        StringAssert.Contains(readOnly, "A-1001");

        s_desktop.Desktop.Input.Click((await Finder.FindAsync("role=button name=\"Save\" in window \"Order form\"", TestContext.CancellationToken)).Bounds.Center);
        s_desktop.Desktop.Input.Click((await Finder.WaitAsync("role=button name=\"Yes\" in window \"Confirm save\"", s_wait, TestContext.CancellationToken)).Bounds.Center);
        await app.Process.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(s_wait, TestContext.CancellationToken);
        Assert.AreEqual("Ada Lovelace|12", await File.ReadAllTextAsync(output, TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task InWindow_ATitleTwoWindowsContain_IsAnAmbiguityListingThem_AndTheExactTitleWins()
    {
        var form = await s_desktop.LaunchAsync(ToolkitApps.TkOrder(s_desktop, s_desktop.PathOf("tk-title.txt")), ToolkitApps.TkOrderEntry);
        var copy = await s_desktop.LaunchAsync(s_desktop.App("xterm", "-title", "Order entry (copy)", "-geometry", "40x6+900+500"));
        await s_desktop.SettleAsync();

        var ambiguous = await Finder.FindAllAsync("text=\"Save\" in window ~= \"Order entry\"", TestContext.CancellationToken);
        Assert.IsTrue(ambiguous.IsAmbiguous);
        StringAssert.Contains(ambiguous.ExplainAmbiguity(), "\"Order entry\"");
        StringAssert.Contains(ambiguous.ExplainAmbiguity(), "\"Order entry (copy)\"");
        var exact = await Finder.FindAsync("text=\"Save\" in window \"Order entry\"", TestContext.CancellationToken);
        Assert.IsTrue(form.Window.Bounds.Contains(exact.Bounds), $"{exact} is outside the form {form.Window.Bounds}");
        await CloseAsync(copy);
        await CloseAsync(form);
    }

    /// <summary>Ends an app and waits until it is gone, so the next test's window list does not see its windows vanish.</summary>
    private async Task CloseAsync(LaunchedApp app)
    {
        app.Process.Kill();
        await app.Process.WaitForExitAsync(TestContext.CancellationToken);
        await s_desktop.SettleAsync();
    }

    /// <summary>Runs set_text through the resolver and the executor; returns the failure's detail, or null when it succeeded.</summary>
    private static async Task<string?> SetTextAsync(string locator, string text)
    {
        var step = await s_gated.Resolver.ResolveAsync(new ComputerAction(ActionKind.SetText) { Locator = locator, Text = text });
        Assert.IsNull(step.Failure, step.Failure?.ToString());
        using var result = await new ActionExecutor(s_desktop.Desktop).ExecuteAsync(step);
        return result.Failure?.Detail;
    }
}
