using System.Diagnostics;
using Dispatch.Agent.Cli;
using Dispatch.Engine;
using Dispatch.Engine.Capture;

namespace Dispatch.Agent.Tests;

/// <summary>The <c>dispatch</c> commands, run in-process against a private virtual desktop, checked by what they write and do.</summary>
[TestClass]
public sealed class CliTests
{
    private static VirtualDesktop s_desktop = null!;
    private static Desktop s_engine = null!;
    private static string s_work = null!;
    private static readonly List<Process> s_apps = [];

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_desktop = await VirtualDesktop.StartAsync(new VirtualDesktopOptions { IsolateHome = true, Accessibility = false });
        s_engine = s_desktop.Open();
        s_work = Directory.CreateTempSubdirectory("dispatch-cli-").FullName;
        // Journals, keys and approval screenshots go to the test's own folder, never the user's.
        Environment.SetEnvironmentVariable("DISPATCH_STATE_DIR", Path.Combine(s_work, "state"));
    }

    [ClassCleanup]
    public static void Stop()
    {
        foreach (var app in s_apps)
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
            }
            app.Dispose();
        }
        s_engine?.Dispose();
        s_desktop?.Dispose();
        if (s_work is not null)
        {
            Directory.Delete(s_work, recursive: true);
        }
    }

    public TestContext TestContext { get; set; } = null!;

    private static async Task<(int Status, string Output, string Error)> DispatchAsync(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var status = await CliApp.Build().Parse(["--display", s_desktop.DisplayName, .. arguments]).InvokeAsync();
            return (status, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    private static async Task<Engine.Windowing.LaunchedApp> LaunchAsync(params string[] command)
    {
        var info = s_desktop.CreateStartInfo(command[0], command[1..]);
        info.WorkingDirectory = s_work;
        info.Environment["LC_ALL"] = "C.UTF-8";
        var app = await s_engine.Windows.LaunchAsync(info, TimeSpan.FromSeconds(60));
        s_apps.Add(app.Process);
        await s_engine.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));
        return app;
    }

    [TestMethod]
    public async Task Screenshot_OfTheScreenAndOfARegion_WritesImagesOfThoseSizes()
    {
        var full = Path.Combine(s_work, "full.png");
        var part = Path.Combine(s_work, "part.jpg");

        var first = await DispatchAsync("screenshot", "-o", full);
        var second = await DispatchAsync("screenshot", "--region", "100,100,400,300", "--scale", "200x150", "-o", part);

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
        var file = Path.Combine(s_work, "typed.txt");
        var app = await LaunchAsync("xterm", "-u8", "-title", "cli typing", "-e", "sh", "-c", $"cat > '{file}'");
        s_engine.Windows.Activate(app.Window.Id);
        await s_engine.Windows.WaitForWindowAsync(w => w.Id == app.Window.Id && w.IsActive, TimeSpan.FromSeconds(10), TestContext.CancellationToken);

        // A terminal's Return may run anything: this person scripts their own desktop and says so.
        var typed = await DispatchAsync("type", "Grüße aus Dispatch\n", "--no-gate");
        var pressed = await DispatchAsync("key", "ctrl+d", "--no-gate");

        Assert.AreEqual(0, typed.Status, typed.Error);
        Assert.AreEqual(0, pressed.Status, pressed.Error);
        await app.Process.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        Assert.AreEqual("Grüße aus Dispatch\n", await File.ReadAllTextAsync(file, TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task WindowsFindAndOcr_SeeALaunchedTerminal()
    {
        var words = Path.Combine(s_work, "words.txt");
        await File.WriteAllTextAsync(words, "Quarterly invoice ready\n", TestContext.CancellationToken);
        await LaunchAsync("xterm", "-title", "cli reading", "-geometry", "60x10+300+300", "-e", "sh", "-c", $"printf '\\033[?25l'; cat '{words}'; exec sleep 600");
        var annotated = Path.Combine(s_work, "found.png");

        var windows = await DispatchAsync("windows", "--json");
        var found = await DispatchAsync("find", "text=\"Quarterly invoice\" via=ocr in window \"cli reading\"", "--annotate", annotated);
        var window = s_engine.Windows.List().Single(w => w.Title == "cli reading").Bounds;
        var read = await DispatchAsync("ocr", "--region", $"{window.X},{window.Y},{window.Width},60");

        StringAssert.Contains(windows.Output, "\"title\": \"cli reading\"");
        Assert.AreEqual(0, found.Status, found.Error);
        StringAssert.Contains(found.Output, "Ocr OCR \"Quarterly invoice\"");
        Assert.IsTrue(File.Exists(annotated));
        StringAssert.Contains(read.Output, "Quarterly invoice ready");
    }

    [TestMethod]
    public async Task BadInput_GetsOneLineNamingTheValueAndStatusOne()
    {
        var click = await DispatchAsync("click", "5000", "5");
        var key = await DispatchAsync("key", "ctrl+nope");
        var find = await DispatchAsync("find", "text=\"Zebra crossing\" via=ocr");
        var locator = await DispatchAsync("find", "role~=button");

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
        var journal = Path.Combine(s_work, "act.jsonl");
        var pointer = s_engine.Input.PointerPosition;

        var act = await DispatchAsync("act", "{\"action\":\"left_click\",\"coordinate\":[700,500]}", "--dry-run", "--journal", journal);
        var verify = await DispatchAsync("journal", "verify", journal);
        var bad = await DispatchAsync("act", "{\"action\":\"left_clik\"}", "--journal", journal);

        Assert.AreEqual(0, act.Status, act.Error);
        StringAssert.Contains(act.Output, "dry_run; not_executed");
        Assert.AreEqual(pointer, s_engine.Input.PointerPosition, "a dry run moved the pointer");
        Assert.AreEqual(0, verify.Status, verify.Error);
        StringAssert.Contains(verify.Output, "intact: 2 entries");
        Assert.AreEqual(1, bad.Status);
        StringAssert.Contains(bad.Error, "Unknown action \"left_clik\"");
    }

    [TestMethod]
    public async Task Act_AnsweredYesThroughAPipe_IsRefused_AndTheDialogAboutDeletingStaysOpen()
    {
        var dialog = await LaunchAsync("zenity", "--question", "--title", "Delete files", "--text", "Permanently delete 3 files?", "--ok-label", "Yes", "--cancel-label", "No");
        using var ocr = new Engine.Vision.OcrEngine();
        var yes = (await new Engine.Locators.ElementFinder(s_engine, ocr).FindAsync("text~=\"Yes\" via=ocr in window \"Delete files\"")).Bounds.Center;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "dispatch.dll"), "--display", s_desktop.DisplayName, "act",
                     $"{{\"action\":\"left_click\",\"coordinate\":[{yes.X},{yes.Y}]}}", "--journal", Path.Combine(s_work, "piped.jsonl") })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DISPATCH_STATE_DIR"] = Path.Combine(s_work, "state");

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

    /// <summary>Starts the built <c>dispatch</c> on the test desktop, with the test's private state folder.</summary>
    private static Process StartDispatch(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "dispatch.dll"), "--display", s_desktop.DisplayName }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DISPATCH_STATE_DIR"] = Path.Combine(s_work, "state");
        return Process.Start(start)!;
    }

    private static async Task<string> KeymapAsync()
    {
        var info = s_desktop.CreateStartInfo("xmodmap", "-pke");
        info.RedirectStandardOutput = true;
        using var xmodmap = Process.Start(info)!;
        var text = await xmodmap.StandardOutput.ReadToEndAsync();
        await xmodmap.WaitForExitAsync();
        return text;
    }

    private async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.IsLessThan(deadline, DateTime.UtcNow, $"gave up waiting for {what}");
            // The state polled lives in the X server, which sends no event for it.
            await Task.Delay(50, TestContext.CancellationToken);
        }
    }

    [TestMethod]
    public async Task KilledWhileHoldingShift_TheNextDispatchOnTheDisplayReleasesIt()
    {
        using var holder = StartDispatch("act", "{\"action\":\"hold_key\",\"text\":\"shift\",\"duration\":60}", "--no-gate", "--journal", Path.Combine(s_work, "hold.jsonl"));
        await UntilAsync(() => Task.FromResult(s_engine.Input.QueryState().KeysDown.Contains("Shift_L")), "shift to be held");

        holder.Kill();
        await holder.WaitForExitAsync(TestContext.CancellationToken);
        Assert.Contains("Shift_L", s_engine.Input.QueryState().KeysDown, "the kill itself released shift: nothing to recover");
        using (var next = s_desktop.Open())
        {
            Assert.IsTrue(next.Input.QueryState().NothingPressed, string.Join(", ", next.Input.QueryState().KeysDown));
        }
        Assert.IsTrue(s_engine.Input.QueryState().NothingPressed);
    }

    [TestMethod]
    public async Task KilledWhileTypingCyrillic_TheNextDispatchUnbindsItsSpareKeycodes()
    {
        var app = await LaunchAsync("xterm", "-title", "cyrillic sink", "-e", "sh", "-c", "cat > /dev/null");
        s_engine.Windows.Activate(app.Window.Id);
        await s_engine.Windows.WaitForWindowAsync(w => w.Id == app.Window.Id && w.IsActive, TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        var before = await KeymapAsync();
        var text = string.Concat(Enumerable.Repeat("съешь же ещё этих мягких французских булок, да выпей чаю ", 40));

        using var typist = StartDispatch("type", text, "--no-gate", "--journal", Path.Combine(s_work, "type.jsonl"));
        await UntilAsync(async () => await KeymapAsync() != before, "spare keycodes to be bound");
        typist.Kill();
        await typist.WaitForExitAsync(TestContext.CancellationToken);
        Assert.AreNotEqual(before, await KeymapAsync(), "the kill itself restored the keymap: nothing to recover");
        using (var next = s_desktop.Open())
        {
            Assert.IsTrue(next.Input.QueryState().NothingPressed, string.Join(", ", next.Input.QueryState().KeysDown));
        }

        Assert.AreEqual(before, await KeymapAsync(), "spare keycodes bound by the killed command are still bound");
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

        var result = await DispatchAsync(arguments).WaitAsync(TimeSpan.FromSeconds(30), TestContext.CancellationToken);

        Assert.AreNotEqual(0, result.Status, result.Output);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, result.Error);
        StringAssert.StartsWith(lines[0], "dispatch: ");
        StringAssert.Contains(lines[0], named);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
