using System.Diagnostics;
using System.Runtime.Versioning;
using Dispatch.Agent.Cli;
using Dispatch.Engine;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Platform.X11;

namespace Dispatch.Agent.Tests;

/// <summary>The <c>dispatch</c> commands, run in-process against a private virtual desktop, checked by what they write and do.</summary>
[SupportedOSPlatform("linux")]
[TestClass]
public sealed class CliTests
{
    private static CliDesktop s_cli = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_cli = await CliDesktop.StartAsync("cli");

    [ClassCleanup]
    public static void Stop() => s_cli?.Dispose();

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Screenshot_OfTheScreenAndOfARegion_WritesImagesOfThoseSizes()
    {
        var full = Path.Combine(s_cli.Work, "full.png");
        var part = Path.Combine(s_cli.Work, "part.jpg");

        var first = await s_cli.DispatchAsync("screenshot", "-o", full);
        var second = await s_cli.DispatchAsync("screenshot", "--region", "100,100,400,300", "--scale", "200x150", "-o", part);

        Assert.AreEqual(0, first.Status, first.Error);
        Assert.AreEqual(0, second.Status, second.Error);
        using var fullImage = FrameEncoder.Decode(await File.ReadAllBytesAsync(full));
        using var partImage = FrameEncoder.Decode(await File.ReadAllBytesAsync(part));
        Assert.AreEqual(new Engine.Geometry.Size(1920, 1080), fullImage.Bounds.Size);
        Assert.AreEqual(new Engine.Geometry.Size(200, 150), partImage.Bounds.Size);
        StringAssert.Contains(second.Output, "200x150 of screen area 100,100 400x300");
    }

    [TestMethod]
    public async Task TypeAndKey_IntoATerminal_LandInTheFileItWrites()
    {
        var file = Path.Combine(s_cli.Work, "typed.txt");
        var app = await s_cli.LaunchAsync("xterm", "-u8", "-title", "cli typing", "-e", "sh", "-c", $"cat > '{file}'");
        s_cli.Engine.Windows.Activate(app.Window.Id);
        await s_cli.Engine.Windows.WaitForWindowAsync(w => w.Id == app.Window.Id && w.IsActive, TimeSpan.FromSeconds(10), TestContext.CancellationToken);

        // A terminal's Return may run anything: this person scripts their own desktop and says so.
        var typed = await s_cli.DispatchAsync("type", "Grüße aus Dispatch\n", "--no-gate");
        var pressed = await s_cli.DispatchAsync("key", "ctrl+d", "--no-gate");

        Assert.AreEqual(0, typed.Status, typed.Error);
        Assert.AreEqual(0, pressed.Status, pressed.Error);
        await app.Process.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        Assert.AreEqual("Grüße aus Dispatch\n", await File.ReadAllTextAsync(file, TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task WindowsFindAndOcr_SeeALaunchedTerminal()
    {
        var words = Path.Combine(s_cli.Work, "words.txt");
        await File.WriteAllTextAsync(words, "Quarterly invoice ready\n", TestContext.CancellationToken);
        await s_cli.LaunchAsync("xterm", "-title", "cli reading", "-geometry", "60x10+300+300", "-e", "sh", "-c", $"printf '\\033[?25l'; cat '{words}'; exec sleep 600");
        var annotated = Path.Combine(s_cli.Work, "found.png");

        var windows = await s_cli.DispatchAsync("windows", "--json");
        var found = await s_cli.DispatchAsync("find", "text=\"Quarterly invoice\" via=ocr in window \"cli reading\"", "--annotate", annotated);
        var window = s_cli.Engine.Windows.List().Single(w => w.Title == "cli reading").Bounds;
        var read = await s_cli.DispatchAsync("ocr", "--region", $"{window.X},{window.Y},{window.Width},60");

        StringAssert.Contains(windows.Output, "\"title\": \"cli reading\"");
        Assert.AreEqual(0, found.Status, found.Error);
        StringAssert.Contains(found.Output, "Ocr OCR \"Quarterly invoice\"");
        Assert.IsTrue(File.Exists(annotated));
        StringAssert.Contains(read.Output, "Quarterly invoice ready");
    }

    [TestMethod]
    public async Task BadInput_GetsOneLineNamingTheValueAndStatusOne()
    {
        var click = await s_cli.DispatchAsync("click", "5000", "5");
        var key = await s_cli.DispatchAsync("key", "ctrl+nope");
        var find = await s_cli.DispatchAsync("find", "text=\"Zebra crossing\" via=ocr");
        var locator = await s_cli.DispatchAsync("find", "role~=button");

        Assert.AreEqual(1, click.Status);
        StringAssert.Contains(click.Error, "5000,5 is off the screen");
        Assert.AreEqual(1, key.Status);
        StringAssert.Contains(key.Error, "'nope'");
        Assert.AreEqual(1, find.Status);
        StringAssert.Contains(find.Error, "No element matches");
        Assert.AreEqual(1, locator.Status);
        StringAssert.Contains(locator.Error, "position 1");
    }

    [TestMethod]
    public async Task Act_DryRun_JournalsAnIntactChainWithoutActing()
    {
        var journal = Path.Combine(s_cli.Work, "act.jsonl");
        var pointer = s_cli.Engine.Input.PointerPosition;

        var act = await s_cli.DispatchAsync("act", "{\"action\":\"left_click\",\"coordinate\":[700,500]}", "--dry-run", "--journal", journal);
        var verify = await s_cli.DispatchAsync("journal", "verify", journal);
        var bad = await s_cli.DispatchAsync("act", "{\"action\":\"left_clik\"}", "--journal", journal);

        Assert.AreEqual(0, act.Status, act.Error);
        StringAssert.Contains(act.Output, "dry_run; not_executed");
        Assert.AreEqual(pointer, s_cli.Engine.Input.PointerPosition, "a dry run moved the pointer");
        Assert.AreEqual(0, verify.Status, verify.Error);
        StringAssert.Contains(verify.Output, "intact: 2 entries");
        Assert.AreEqual(1, bad.Status);
        StringAssert.Contains(bad.Error, "Unknown action \"left_clik\"");
    }

    [TestMethod]
    public async Task Act_AnsweredYesThroughAPipe_IsRefused_AndTheDialogAboutDeletingStaysOpen()
    {
        var (dialog, yes) = await s_cli.QuestionAsync("Delete files", "Permanently delete 3 files?");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "dispatch.dll"), "--display", s_cli.Virtual.DisplayName, "act",
                     $"{{\"action\":\"left_click\",\"coordinate\":[{yes.X},{yes.Y}]}}", "--journal", Path.Combine(s_cli.Work, "piped.jsonl") })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DISPATCH_STATE_DIR"] = Path.Combine(s_cli.Work, "state");

        using var act = Process.Start(start)!;
        await act.StandardInput.WriteAsync("y\n");
        act.StandardInput.Close();
        var error = await act.StandardError.ReadToEndAsync(TestContext.CancellationToken);
        await act.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.CancellationToken);

        Assert.AreEqual(3, act.ExitCode, error);
        StringAssert.Contains(error, "approval needs a person at an interactive terminal");
        StringAssert.Contains(error, "unreachable");
        Assert.IsFalse(dialog.Process.HasExited, "the piped 'y' clicked Yes");
    }

    [TestMethod]
    public async Task KilledWhileHoldingShift_TheNextDispatchOnTheDisplayReleasesIt()
    {
        using var holder = s_cli.StartDispatch("act", "{\"action\":\"hold_key\",\"text\":\"shift\",\"duration\":60}", "--no-gate", "--journal", Path.Combine(s_cli.Work, "hold.jsonl"));
        await CliDesktop.UntilAsync(() => Task.FromResult(s_cli.Engine.Input.QueryState().KeysDown.Contains("Shift_L")), "shift to be held", TestContext.CancellationToken);

        holder.Kill();
        await holder.WaitForExitAsync(TestContext.CancellationToken);
        Assert.Contains("Shift_L", s_cli.Engine.Input.QueryState().KeysDown, "the kill itself released shift: nothing to recover");
        using (var next = s_cli.Virtual.Open())
        {
            Assert.IsTrue(next.Input.QueryState().NothingPressed, string.Join(", ", next.Input.QueryState().KeysDown));
        }
        Assert.IsTrue(s_cli.Engine.Input.QueryState().NothingPressed);
    }

    [TestMethod]
    public async Task KilledWhileTypingCyrillic_TheNextDispatchUnbindsItsSpareKeycodes()
    {
        var app = await s_cli.LaunchAsync("xterm", "-title", "cyrillic sink", "-e", "sh", "-c", "cat > /dev/null");
        s_cli.Engine.Windows.Activate(app.Window.Id);
        await s_cli.Engine.Windows.WaitForWindowAsync(w => w.Id == app.Window.Id && w.IsActive, TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        var before = await s_cli.KeymapAsync();
        var text = string.Concat(Enumerable.Repeat("съешь же ещё этих мягких французских булок, да выпей чаю ", 40));

        using var typist = s_cli.StartDispatch("type", text, "--no-gate", "--journal", Path.Combine(s_cli.Work, "type.jsonl"));
        await CliDesktop.UntilAsync(async () => await s_cli.KeymapAsync() != before, "spare keycodes to be bound", TestContext.CancellationToken);
        typist.Kill();
        await typist.WaitForExitAsync(TestContext.CancellationToken);
        Assert.AreNotEqual(before, await s_cli.KeymapAsync(), "the kill itself restored the keymap: nothing to recover");
        using (var next = s_cli.Virtual.Open())
        {
            Assert.IsTrue(next.Input.QueryState().NothingPressed, string.Join(", ", next.Input.QueryState().KeysDown));
        }

        Assert.AreEqual(before, await s_cli.KeymapAsync(), "spare keycodes bound by the killed command are still bound");
        app.Process.Kill();
    }

    [TestMethod]
    [DataRow("watch|--duration|Infinity", "--duration Infinity")]
    [DataRow("watch|--duration|-1", "--duration -1")]
    [DataRow("watch|--duration|NaN", "--duration NaN")]
    [DataRow("find|text=\"x\"|--wait|1e308", "--wait")]
    [DataRow("find|text=\"x\"|--wait|-1", "--wait -1")]
    [DataRow("screenshot|--region|2147483000,0,1000,10|-o|big.png", "2147483000")]
    [DataRow("screenshot|-o|/proc/no/such/place.png", "/proc/no/such/place.png")]
    [DataRow("act|{\"action\":\"left_click\",\"coordinate\":[\"a\",\"b\"]}", "\"coordinate\"")]
    [DataRow("act|{\"action\":\"key\",\"text\":\"ctrl+nope\"}|--dry-run", "'nope'")]
    [DataRow("act|{\"action\":\"key\",\"text\":\"Return\"}|--approval-timeout|1e308", "--approval-timeout")]
    [DataRow("key|0xffffffff", "'0xffffffff'")]
    [DataRow("key|Return+shift", "'Return'")]
    [DataRow("click|5|5|--hold|Return", "'Return'")]
    [DataRow("journal|verify|/dev/zero", "/dev/zero")]
    public async Task BadInput_EveryCommand_EndsInOneLineNamingTheValue_WithoutAStackTrace(string command, string named)
    {
        // Arguments are separated by '|' in the rows, so JSON keeps its quotes.
        var arguments = command.Split('|');

        var result = await s_cli.DispatchAsync(arguments).WaitAsync(TimeSpan.FromSeconds(30), TestContext.CancellationToken);

        CliDesktop.AssertOneLineError(result, named);
    }
}
