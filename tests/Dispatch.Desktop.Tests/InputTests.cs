using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Input;
using Dispatch.Engine.Windowing;

namespace Dispatch.Desktop.Tests;

[TestClass]
public sealed class InputTests
{
    private static TestDesktop s_desktop = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_desktop = await TestDesktop.StartAsync();

    [ClassCleanup]
    public static void Stop() => s_desktop?.Dispose();

    public TestContext TestContext { get; set; } = null!;

    /// <summary>Starts <c>xterm -e cat > file</c>, focuses it, and returns the app and the file's path.</summary>
    private static async Task<(LaunchedApp App, string File)> CatIntoFileAsync(string name)
    {
        var file = s_desktop.PathOf(name);
        var app = await s_desktop.LaunchAsync(s_desktop.App("xterm", "-u8", "-geometry", "80x10+100+100", "-title", name,
            "-e", "sh", "-c", $"cat > '{file}'"));
        s_desktop.Desktop.Windows.Activate(app.Window.Id);
        await WaitUntilActiveAsync(app.Window.Id);
        return (app, file);
    }

    private static async Task WaitUntilActiveAsync(ulong id)
    {
        await s_desktop.Desktop.Windows.WaitForWindowAsync(w => w.Id == id && w.IsActive, TimeSpan.FromSeconds(10));
        await s_desktop.SettleAsync();
    }

    private static async Task<string> EndCatAsync(LaunchedApp app, string file)
    {
        // ctrl+d on an empty line ends cat: the chord must reach the app as a control character.
        s_desktop.Desktop.Input.PressKeys("ctrl+d");
        await app.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return await File.ReadAllTextAsync(file);
    }

    [TestMethod]
    [DataRow("plain ASCII: The quick brown fox jumps over the lazy dog 0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")]
    [DataRow("accents: àéîõü ÀÉÎÕÜ çñ ß ø å æ œ")]
    [DataRow("symbols: € £ ¥ © ® ™ ° ± × ÷ → ← ≤ ≥ ∞ ∑ √ • …")]
    [DataRow("scripts: Ελληνικά Русский 日本語 中文 한국어 العربية עברית हिन्दी 🙂")]
    public async Task TypeAsync_UnicodeIntoXterm_LandsExactlyInTheFile(string text)
    {
        var (app, file) = await CatIntoFileAsync($"typed-{Math.Abs(text.GetHashCode(StringComparison.Ordinal))}.txt");
        await s_desktop.Desktop.Input.TypeAsync(text + "\nsecond line\n");
        var written = await EndCatAsync(app, file);
        Assert.AreEqual(text + "\nsecond line\n", written);
        Assert.IsTrue(s_desktop.Desktop.Input.QueryState().NothingPressed, "a key was left held down");
    }

    [TestMethod]
    public async Task TypeAsync_WithDelayPerCharacter_TypesInOrder()
    {
        var (app, file) = await CatIntoFileAsync("delayed.txt");
        await s_desktop.Desktop.Input.TypeAsync("slow ñ typing\n", TimeSpan.FromMilliseconds(5));
        Assert.AreEqual("slow ñ typing\n", await EndCatAsync(app, file));
    }

    [TestMethod]
    public async Task PressKeys_ChordsAndNamedKeys_ReachTheApp()
    {
        var (app, file) = await CatIntoFileAsync("keys.txt");
        await s_desktop.Desktop.Input.TypeAsync("abc");
        // BackSpace erases in the terminal's line editing; shift+a types a capital; Return ends the line.
        s_desktop.Desktop.Input.PressKeys("BackSpace shift+a Tab Return");
        Assert.AreEqual("abA\t\n", await EndCatAsync(app, file));
    }

    [TestMethod]
    public async Task TypeAsync_ControlCharacter_ThrowsNamingItAndTypesNothing()
    {
        var (app, file) = await CatIntoFileAsync("control.txt");
        var error = await Assert.ThrowsExactlyAsync<UntypeableTextException>(() => s_desktop.Desktop.Input.TypeAsync("ok\u0007bell"));
        Assert.AreEqual(2, error.Index);
        StringAssert.Contains(error.Message, "U+0007");
        Assert.AreEqual("", await EndCatAsync(app, file));
    }

    [TestMethod]
    [DataRow("ctrl+bogus", "bogus")]
    [DataRow("ctrl+", "position 6")]
    [DataRow("Retrun", "Retrun")]
    public void PressKeys_BadKeyName_ThrowsNamingItAndLeavesNothingHeld(string keys, string named)
    {
        var error = Assert.ThrowsExactly<KeyNameException>(() => s_desktop.Desktop.Input.PressKeys(keys));
        StringAssert.Contains(error.Message, named);
        Assert.IsTrue(s_desktop.Desktop.Input.QueryState().NothingPressed);
    }

    [TestMethod]
    public void Click_OffScreen_ThrowsNamingThePoint()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => s_desktop.Desktop.Input.Click(new Point(1920, 5)));
        StringAssert.Contains(error.Message, "1920,5");
    }

    [TestMethod]
    public void MoveMouse_ToAPoint_PutsThePointerThere()
    {
        s_desktop.Desktop.Input.MoveMouse(new Point(1234, 567));
        Assert.AreEqual(new Point(1234, 567), s_desktop.Desktop.Input.PointerPosition);
    }

    [TestMethod]
    public async Task HoldKeysAsync_ForADuration_HoldsThenReleases()
    {
        var holding = s_desktop.Desktop.Input.HoldKeysAsync("shift", TimeSpan.FromMilliseconds(300), TestContext.CancellationToken);
        var heldState = s_desktop.Desktop.Input.QueryState();
        await holding;
        CollectionAssert.Contains(heldState.KeysDown.ToList(), "Shift_L");
        Assert.IsTrue(s_desktop.Desktop.Input.QueryState().NothingPressed);
    }

    [TestMethod]
    public async Task DragAsync_Cancelled_ReleasesTheButton()
    {
        using var cancel = new CancellationTokenSource();
        var drag = s_desktop.Desktop.Input.DragAsync(new Point(10, 10), new Point(600, 600), TimeSpan.FromSeconds(5), cancellationToken: cancel.Token);
        Assert.Contains(MouseButton.Left, s_desktop.Desktop.Input.QueryState().ButtonsDown);
        await cancel.CancelAsync();
        await Assert.ThrowsAsync<OperationCanceledException>(() => drag);
        Assert.IsTrue(s_desktop.Desktop.Input.QueryState().NothingPressed);
    }

    [TestMethod]
    public async Task ReleaseAll_DuringADrag_ReleasesTheButtonAtOnce()
    {
        var drag = s_desktop.Desktop.Input.DragAsync(new Point(10, 10), new Point(600, 600), TimeSpan.FromSeconds(5));
        Assert.Contains(MouseButton.Left, s_desktop.Desktop.Input.QueryState().ButtonsDown);
        s_desktop.Desktop.Input.ReleaseAll();
        Assert.IsTrue(s_desktop.Desktop.Input.QueryState().NothingPressed);
        await Assert.ThrowsAsync<OperationCanceledException>(() => drag);
    }

    [TestMethod]
    [DataRow("Yes", 0)]
    [DataRow("No", 1)]
    public async Task Click_OnAZenityButton_PressesIt(string button, int expectedStatus)
    {
        var app = await s_desktop.LaunchAsync(s_desktop.App("zenity", "--question", "--title", $"Click {button}", "--text", "Proceed?",
            "--ok-label", "Yes", "--cancel-label", "No"));
        await s_desktop.SettleAsync();
        var window = s_desktop.Desktop.Windows.Get(app.Window.Id)!;
        var labels = FindButtonLabels(window.Bounds);
        Assert.HasCount(2, labels, $"expected two buttons along the bottom of {window}");
        // GTK puts the cancel button first: No, then Yes.
        var target = button == "No" ? labels[0] : labels[1];
        s_desktop.Desktop.Input.Click(target.Center);
        await app.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.AreEqual(expectedStatus, app.Process.ExitCode);
    }

    /// <summary>
    /// Finds button labels along the bottom of a dialog the way a person would see them: columns of dark text
    /// pixels in the button row, grouped where the gaps are wide. (Finding by accessible name comes with perception.)
    /// </summary>
    private static List<Rect> FindButtonLabels(Rect window)
    {
        var strip = new Rect(window.X, window.Bottom - 48, window.Width, 48);
        using var frame = s_desktop.Desktop.Screen.Capture(strip);
        var dark = new bool[strip.Width];
        var top = new int[strip.Width];
        var bottom = new int[strip.Width];
        for (var x = 0; x < strip.Width; x++)
        {
            top[x] = int.MaxValue;
            for (var y = 0; y < strip.Height; y++)
            {
                var rgb = frame.GetRgb(x, y);
                if (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 200)
                {
                    dark[x] = true;
                    top[x] = Math.Min(top[x], y);
                    bottom[x] = Math.Max(bottom[x], y);
                }
            }
        }
        var labels = new List<Rect>();
        var start = -1;
        var lastDark = -100;
        for (var x = 0; x <= strip.Width; x++)
        {
            var isDark = x < strip.Width && dark[x];
            if (isDark && start < 0)
            {
                start = x;
            }
            if (isDark)
            {
                lastDark = x;
            }
            if (start >= 0 && (x == strip.Width || x - lastDark > 12))
            {
                var y0 = Enumerable.Range(start, lastDark - start + 1).Where(i => dark[i]).Min(i => top[i]);
                var y1 = Enumerable.Range(start, lastDark - start + 1).Where(i => dark[i]).Max(i => bottom[i]);
                labels.Add(Rect.FromEdges(strip.X + start, strip.Y + y0, strip.X + lastDark + 1, strip.Y + y1 + 1));
                start = -1;
            }
        }
        return labels;
    }
}
