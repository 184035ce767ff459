using System.Diagnostics;
using System.Text;
using Dispatch.Engine.Input;
using Dispatch.Engine.Windowing;

namespace Dispatch.Desktop.Tests;

/// <summary>
/// Long texts of characters the layout lacks, concurrent requests, and modifiers held by others: what lands in the app
/// (the file <c>cat</c> wrote, the line zenity prints) is exactly what was typed.
/// </summary>
[TestClass]
public sealed class TypingTests
{
    /// <summary>Keycodes with no symbol in Xvfb's default keymap: the spare keys typing binds (two symbols each).</summary>
    private const int XvfbSpareKeycodes = 19;

    private static TestDesktop s_desktop = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_desktop = await TestDesktop.StartAsync();

    [ClassCleanup]
    public static void Stop() => s_desktop?.Dispose();

    public TestContext TestContext { get; set; } = null!;

    /// <summary>192 Cyrillic, 100 CJK and 50 emoji characters between ASCII words: 216 distinct characters the layout lacks.</summary>
    private static string MixedScripts()
    {
        var random = new Random(9);
        var cyrillic = Enumerable.Range(0x0410, 64).Append(0x0401).Append(0x0451).ToArray();
        var text = new StringBuilder("Start: ");
        for (var i = 0; i < 192; i++)
        {
            text.Append((char)cyrillic[i < cyrillic.Length ? i : random.Next(cyrillic.Length)]);
            if (i % 16 == 15)
            {
                text.Append(" word ");
            }
        }
        text.Append(" CJK: ");
        for (var i = 0; i < 100; i++)
        {
            text.Append((char)(0x4E00 + i * 37));
            if (i % 20 == 19)
            {
                text.Append(", ");
            }
        }
        text.Append(" emoji: ");
        for (var i = 0; i < 50; i++)
        {
            text.Append(char.ConvertFromUtf32(0x1F600 + i)).Append(i % 10 == 9 ? " ok " : "");
        }
        return text.Append(" end.").ToString();
    }

    private static int DistinctMissing(string text) => text.EnumerateRunes().Where(r => r.Value > 0x7E).Distinct().Count();

    private static async Task<(LaunchedApp App, string File)> CatIntoFileAsync(string name, int x = 100)
    {
        var file = s_desktop.PathOf(name);
        var app = await s_desktop.LaunchAsync(s_desktop.App("xterm", "-u8", "-geometry", $"80x10+{x}+100", "-title", name,
            "-e", "sh", "-c", $"cat > '{file}'"));
        await ActivateAsync(app);
        return (app, file);
    }

    private static async Task ActivateAsync(LaunchedApp app)
    {
        s_desktop.Desktop.Windows.Activate(app.Window.Id);
        await s_desktop.Desktop.Windows.WaitForWindowAsync(w => w.Id == app.Window.Id && w.IsActive, TimeSpan.FromSeconds(10));
        await s_desktop.SettleAsync();
    }

    private static async Task<string> EndCatAsync(Engine.Desktop desktop, LaunchedApp app, string file)
    {
        desktop.Input.PressKeys("ctrl+d");
        await app.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        return await File.ReadAllTextAsync(file);
    }

    [TestMethod]
    public async Task TypeAsync_ManyCharactersTheLayoutLacks_LandExactlyInXtermWithFewKeymapChanges()
    {
        var text = MixedScripts();
        var (app, file) = await CatIntoFileAsync("mixed.txt");

        var report = await s_desktop.Desktop.Input.TypeAsync(text + "\n", cancellationToken: TestContext.CancellationToken);
        TestContext.WriteLine($"xterm: {report}");

        Assert.AreEqual(text + "\n", await EndCatAsync(s_desktop.Desktop, app, file));
        Assert.AreEqual(text.EnumerateRunes().Count() + 1, report.Characters);
        Assert.AreEqual(216, DistinctMissing(text));
        // One change per batch that binds, one to unbind at the end.
        Assert.AreEqual(report.Batches + 1, report.KeymapChanges, report.ToString());
        Assert.IsLessThanOrEqualTo((int)Math.Ceiling(216.0 / XvfbSpareKeycodes) + 2, report.KeymapChanges, report.ToString());
        Assert.IsTrue(s_desktop.Desktop.Input.QueryState().NothingPressed, "a key was left held down");
    }

    [TestMethod]
    public async Task TypeAsync_ManyCharactersTheLayoutLacks_ZenityEntryPrintsExactlyThem()
    {
        var text = MixedScripts();
        // What zenity prints on OK, in a file (the launcher reads the process's own output streams).
        var printed = s_desktop.PathOf("zenity-entry.txt");
        var app = await s_desktop.LaunchAsync(s_desktop.App("sh", "-c",
            $"exec zenity --entry --title 'Mixed scripts' --text 'Type here' --width 900 > '{printed}'"));
        await ActivateAsync(app);

        var report = await s_desktop.Desktop.Input.TypeAsync(text, cancellationToken: TestContext.CancellationToken);
        TestContext.WriteLine($"zenity: {report}");
        s_desktop.Desktop.Input.PressKeys("Return");
        await app.Process.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.CancellationToken);

        Assert.AreEqual(0, app.Process.ExitCode);
        Assert.AreEqual(text + "\n", await File.ReadAllTextAsync(printed, TestContext.CancellationToken));
        Assert.IsLessThanOrEqualTo((int)Math.Ceiling(216.0 / XvfbSpareKeycodes) + 2, report.KeymapChanges, report.ToString());
    }

    [TestMethod]
    public async Task TypeAsync_WhileAnotherProgramHoldsShiftThroughXTest_TypesPlainTextAndLeavesShiftHeld()
    {
        var (app, file) = await CatIntoFileAsync("shifted.txt");
        // A client of its own presses Shift_L through XTest and keeps it down until its stdin closes (as `xdotool keydown shift` leaves it).
        var holder = s_desktop.App("python3", "-c", """
            import ctypes, sys
            x = ctypes.CDLL("libX11.so.6"); t = ctypes.CDLL("libXtst.so.6")
            x.XOpenDisplay.restype = ctypes.c_void_p
            d = ctypes.c_void_p(x.XOpenDisplay(None))
            k = x.XKeysymToKeycode(d, x.XStringToKeysym(b"Shift_L"))
            t.XTestFakeKeyEvent(d, k, 1, 0); x.XSync(d, 0)
            print("held", flush=True); sys.stdin.read()
            t.XTestFakeKeyEvent(d, k, 0, 0); x.XSync(d, 0)
            """);
        holder.RedirectStandardInput = true;
        holder.RedirectStandardOutput = true;
        using var holding = Process.Start(holder)!;
        try
        {
            Assert.AreEqual("held", await holding.StandardOutput.ReadLineAsync(TestContext.CancellationToken));
            CollectionAssert.Contains(s_desktop.Desktop.Input.QueryState().KeysDown.ToList(), "Shift_L");

            var report = await s_desktop.Desktop.Input.TypeAsync("hello world, привет\n", cancellationToken: TestContext.CancellationToken);

            CollectionAssert.AreEqual(new[] { "Shift_L" }, report.ModifiersReleased.ToList());
            CollectionAssert.Contains(s_desktop.Desktop.Input.QueryState().KeysDown.ToList(), "Shift_L", "the other program's shift was not given back");
        }
        finally
        {
            holding.StandardInput.Close();
            await holding.WaitForExitAsync(TestContext.CancellationToken);
        }
        Assert.IsTrue(s_desktop.Desktop.Input.QueryState().NothingPressed);
        Assert.AreEqual("hello world, привет\n", await EndCatAsync(s_desktop.Desktop, app, file));
    }

    [TestMethod]
    public async Task TypeAsync_WhileAnotherDispatchHoldsShift_WaitsForItsRequestAndTypesPlainText()
    {
        var (app, file) = await CatIntoFileAsync("after-hold.txt");
        // Another Dispatch input on the same display (its own connection and its own open of the lock file, as another process has).
        using var other = s_desktop.Virtual.Open();
        var hold = other.Input.HoldKeysAsync("shift", TimeSpan.FromMilliseconds(700), TestContext.CancellationToken);
        CollectionAssert.Contains(s_desktop.Desktop.Input.QueryState().KeysDown.ToList(), "Shift_L");

        var report = await s_desktop.Desktop.Input.TypeAsync("hello world\n", cancellationToken: TestContext.CancellationToken);
        await hold;

        Assert.IsTrue(hold.IsCompletedSuccessfully);
        Assert.IsEmpty(report.ModifiersReleased, "the hold had ended before typing began");
        Assert.AreEqual("hello world\n", await EndCatAsync(s_desktop.Desktop, app, file));
    }

    [TestMethod]
    public async Task TypeAsync_TwoInputsTypingNonLatinTextsAtOnce_EachLandsExactlyInItsWindow()
    {
        var (first, firstFile) = await CatIntoFileAsync("first.txt", 100);
        var (second, secondFile) = await CatIntoFileAsync("second.txt", 800);
        using var other = s_desktop.Virtual.Open();
        var firstText = "Первый: " + string.Concat(Enumerable.Range(0x0410, 48).Select(c => (char)c)) + " 一二三四五六七八九十\n";
        var secondText = "Δεύτερο: " + string.Concat(Enumerable.Range(0x03B1, 25).Select(c => (char)c)) + " 😀😁😂🤣😃😄😅 שלום\n";

        async Task TypeInto(Engine.Desktop desktop, LaunchedApp app, string text)
        {
            // One request: activating its window and typing, with the display's input held throughout.
            using (await desktop.Input.LockAsync(TestContext.CancellationToken))
            {
                desktop.Windows.Activate(app.Window.Id);
                await desktop.Windows.WaitForWindowAsync(w => w.Id == app.Window.Id && w.IsActive, TimeSpan.FromSeconds(10), TestContext.CancellationToken);
                await desktop.Input.TypeAsync(text, cancellationToken: TestContext.CancellationToken);
            }
        }
        await Task.WhenAll(TypeInto(s_desktop.Desktop, first, firstText), TypeInto(other, second, secondText));

        await ActivateAsync(first);
        Assert.AreEqual(firstText, await EndCatAsync(s_desktop.Desktop, first, firstFile));
        await ActivateAsync(second);
        Assert.AreEqual(secondText, await EndCatAsync(s_desktop.Desktop, second, secondFile));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow(".0")]
    public async Task LockAsync_HeldByAnotherInput_MakesADirectKeyPressRefuseNamingTheHolder(string screen)
    {
        // ":N.0" is the same server as ":N": the same keys, so the same lock.
        using var other = Engine.Desktop.Open(new Engine.DesktopOptions { DisplayName = s_desktop.Virtual.DisplayName + screen });
        using (await other.Input.LockAsync(TestContext.CancellationToken))
        {
            var error = Assert.ThrowsExactly<InputBusyException>(() => s_desktop.Desktop.Input.PressKeys("shift"));
            StringAssert.Contains(error.Message, $"process {Environment.ProcessId}");
        }
        s_desktop.Desktop.Input.PressKeys("shift");
    }
}
