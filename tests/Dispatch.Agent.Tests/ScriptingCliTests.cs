using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.Json;
using Dispatch.Agent.Host;
using Dispatch.Agent.LocalApi;
using Dispatch.Engine.Capture;

namespace Dispatch.Agent.Tests;

/// <summary>
/// The commands a person scripting a legacy app lives in — launch, click/set-text/get-text on locators, window arrangement,
/// wait-window, key --delay, act -o, and <c>dispatch script</c> — against real apps on a private desktop with the accessibility
/// bus, in direct mode and through the host, checked by what the apps wrote and what the window manager reports.
/// </summary>
[TestClass]
[SupportedOSPlatform("linux")]
public sealed class ScriptingCliTests
{
    private static CliDesktop s_cli = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_cli = await CliDesktop.StartAsync("scripting", accessibility: true);

    [ClassCleanup]
    public static void Stop() => s_cli?.Dispose();

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public async Task LaunchSetTextAndClick_OnAZenityEntry_ItPrintsTheTextAndExitsZero(bool throughHost)
    {
        var title = $"Ask name {(throughHost ? "host" : "direct")}";
        var output = Path.Combine(s_cli.Work, $"zenity-{throughHost}.txt");
        await using var host = throughHost ? await StartHostAsync() : null;

        // A shell runs zenity and writes its answer and exit status: the window is the shell's child's, found all the same.
        var launch = await s_cli.DispatchAsync("launch", "--output", output, "sh", "-c",
            $"zenity --entry --title '{title}' --text 'Your name:'; echo \"status $?\"");
        Assert.AreEqual(0, launch.Status, launch.Error);
        s_cli.TrackLaunched(launch.Output);
        StringAssert.Contains(launch.Output, $"\"{title}\"");
        var set = await s_cli.DispatchAsync("set-text", "role=text", "Ada Lovelace", "--wait", "20");
        var read = await s_cli.DispatchAsync("get-text", "role=text");
        var ok = await s_cli.DispatchAsync("click", "role=\"push button\" name=\"OK\"");

        Assert.AreEqual(0, set.Status, set.Error);
        Assert.AreEqual("Ada Lovelace\n", read.Output, read.Error);
        Assert.AreEqual(0, ok.Status, ok.Error);
        await CliDesktop.UntilAsync(() => Task.FromResult(File.Exists(output) && File.ReadAllText(output).Contains("status", StringComparison.Ordinal)),
            "zenity to answer", TestContext.CancellationToken);
        Assert.AreEqual("Ada Lovelace\nstatus 0\n", await File.ReadAllTextAsync(output, TestContext.CancellationToken));
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public async Task WindowMoveResizeAndClose_AreWhatWindowsJsonReports(bool throughHost)
    {
        var title = $"arranged {(throughHost ? "host" : "direct")}";
        await using var host = throughHost ? await StartHostAsync(allowUngated: true) : null;
        var launch = await s_cli.DispatchAsync("launch", "xterm", "-title", title, "-geometry", "40x10+50+50");
        Assert.AreEqual(0, launch.Status, launch.Error);
        s_cli.TrackLaunched(launch.Output);

        var moved = await s_cli.DispatchAsync("window", "move", title, "700", "300");
        var afterMove = await WindowAsync(title);
        var resized = await s_cli.DispatchAsync("window", "resize", title, "600", "400");
        var afterResize = await WindowAsync(title);
        var refused = await s_cli.DispatchAsync("window", "close", title);
        var stillThere = await WindowAsync(title);
        var closed = await s_cli.DispatchAsync("window", "close", title, "--no-gate");

        Assert.AreEqual(0, moved.Status, moved.Error);
        Assert.AreEqual((700, 300), (afterMove!.Value.GetProperty("bounds").GetProperty("x").GetInt32(), afterMove.Value.GetProperty("bounds").GetProperty("y").GetInt32()));
        Assert.AreEqual(0, resized.Status, resized.Error);
        // xterm sizes itself in whole characters, so the size is near what was asked, not exactly it.
        Assert.IsLessThan(20, Math.Abs(afterResize!.Value.GetProperty("bounds").GetProperty("width").GetInt32() - 600));
        Assert.IsLessThan(20, Math.Abs(afterResize.Value.GetProperty("bounds").GetProperty("height").GetInt32() - 400));
        CliDesktop.AssertOneLineError(refused, "unsaved work");
        Assert.IsNotNull(stillThere, "a close without --no-gate closed the window");
        Assert.AreEqual(0, closed.Status, closed.Error);
        StringAssert.StartsWith(closed.Output, "closed: ");
        Assert.IsNull(await WindowAsync(title), "the window is still listed after its close");
    }

    [TestMethod]
    public async Task WaitWindow_ReportsTheWindowAndTheWholeTimeWaited()
    {
        var title = "late arrival";
        var late = s_cli.Virtual.CreateStartInfo("sh", "-c", $"sleep 1; exec xterm -title '{title}'");
        s_cli.Track(Process.Start(late)!);

        var waited = await s_cli.DispatchAsync("wait-window", title, "--timeout", "30");
        var missing = await s_cli.DispatchAsync("wait-window", "never shown", "--timeout", "0.5");

        Assert.AreEqual(0, waited.Status, waited.Error);
        var elapsed = System.Text.RegularExpressions.Regex.Match(waited.Output, @"after (\d+) ms");
        Assert.IsTrue(elapsed.Success, waited.Output);
        // The wait began before the window was there, so its time includes the program's one second of sleep.
        Assert.IsGreaterThanOrEqualTo(900, int.Parse(elapsed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        CliDesktop.AssertOneLineError(missing, "Waited 0.5 s");
    }

    [TestMethod]
    public async Task Script_ThroughTheHost_DrivesTheCalculatorToItsResult()
    {
        await using var host = await StartHostAsync();
        var launch = await s_cli.DispatchAsync("launch", "gnome-calculator");
        Assert.AreEqual(0, launch.Status, launch.Error);
        s_cli.TrackLaunched(launch.Output);
        var script = Path.Combine(s_cli.Work, "sum.dispatch");
        // 123 + 456 − 9 = 570, by the calculator's accessible button names; the last line reads the answer in its history.
        await File.WriteAllLinesAsync(script,
        [
            "# ten clicks on gnome-calculator",
            "wait-window Calculator",
            .. "123+456−9=".Select(c => $"click 'role=\"push button\" name=\"{c}\" in window \"Calculator\"' --wait 10   # {c}"),
            "find 'role=label name=\"570\"' --wait 5",
        ], TestContext.CancellationToken);

        var run = await s_cli.DispatchAsync("script", script);

        Assert.AreEqual(0, run.Status, run.Error);
        StringAssert.Contains(run.Output, "sum.dispatch: 12 commands in");
        StringAssert.Contains(run.Output, "through the host");
        StringAssert.Contains(run.Output, "label \"570\"");
    }

    [TestMethod]
    public async Task Script_StopsAtTheFirstFailure_NamingItsFileAndLine()
    {
        var marker = Path.Combine(s_cli.Work, "never.png");
        var script = Path.Combine(s_cli.Work, "broken.dispatch");
        await File.WriteAllTextAsync(script, $"windows   # fine\n\nclick 5000 5\nscreenshot -o '{marker}'\n", TestContext.CancellationToken);
        var unclosed = Path.Combine(s_cli.Work, "unclosed.dispatch");
        await File.WriteAllTextAsync(unclosed, $"screenshot -o '{marker}'\nclick 'name=\"OK\"\n", TestContext.CancellationToken);

        var run = await s_cli.DispatchAsync("script", script);
        var parse = await s_cli.DispatchAsync("script", unclosed);

        CliDesktop.AssertOneLineError(run, "broken.dispatch:3: The point 5000,5 is off the screen");
        StringAssert.Contains(run.Output, "stopped at line 3 (exit 1) after 1 of 3 commands");
        CliDesktop.AssertOneLineError(parse, "unclosed.dispatch:2: column 7: the single quote is not closed");
        Assert.IsFalse(File.Exists(marker), "a command after the failure (or before a line that does not parse) ran");
    }

    [TestMethod]
    public async Task Chromium_LaunchedByDispatch_ExposesItsPage_ToFindClickAndGetText()
    {
        await using var host = await StartHostAsync();
        var page = new Uri(Path.Combine(AppContext.BaseDirectory, "assets", "apps", "web", "form.html")).AbsoluteUri;
        var profile = Directory.CreateDirectory(Path.Combine(s_cli.Work, "chromium-profile")).FullName;

        // No accessibility switch or variable here: dispatch launch adds what Chromium needs for its page to be on the bus.
        var launch = await s_cli.DispatchAsync("launch", "--window", "Claim form", "--timeout", "90", "chromium", $"--user-data-dir={profile}", $"--app={page}",
            "--no-sandbox", "--test-type", "--ozone-platform=x11", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--password-store=basic",
            "--window-position=200,150", "--window-size=800,600");
        Assert.AreEqual(0, launch.Status, launch.Error);
        s_cli.TrackLaunched(launch.Output);
        var found = await s_cli.DispatchAsync("find", "role=\"push button\" name=\"Send claim\" via=accessibility", "--wait", "30");
        var click = await s_cli.DispatchAsync("click", "role=entry name=\"Claimant name\"");
        var type = await s_cli.DispatchAsync("type", "Hopper");
        var read = await s_cli.DispatchAsync("get-text", "role=entry name=\"Claimant name\"");

        Assert.AreEqual(0, found.Status, found.Error);
        StringAssert.Contains(found.Output, "Accessibility");
        Assert.AreEqual(0, click.Status, click.Error);
        Assert.AreEqual(0, type.Status, type.Error);
        Assert.AreEqual("Hopper\n", read.Output, read.Error);
    }

    [TestMethod]
    public async Task KeyWithDelay_AndActWithAnImage_DoWhatTheySay()
    {
        var typed = Path.Combine(s_cli.Work, "keys.txt");
        var zoom = Path.Combine(s_cli.Work, "zoom.png");
        var launch = await s_cli.DispatchAsync("launch", "xterm", "-title", "key delay", "-e", "sh", "-c", $"cat > '{typed}'");
        Assert.AreEqual(0, launch.Status, launch.Error);
        var terminal = s_cli.TrackLaunched(launch.Output);
        await s_cli.DispatchAsync("window", "activate", "key delay");

        var keys = await s_cli.DispatchAsync("key", "--delay", "30", "h i Return ctrl+d", "--no-gate");
        var act = await s_cli.DispatchAsync("act", "{\"action\":\"zoom\",\"region\":[10,20,110,70]}", "-o", zoom);

        Assert.AreEqual(0, keys.Status, keys.Error);
        await terminal.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        Assert.AreEqual("hi\n", await File.ReadAllTextAsync(typed, TestContext.CancellationToken));
        Assert.AreEqual(0, act.Status, act.Error);
        using var image = FrameEncoder.Decode(await File.ReadAllBytesAsync(zoom, TestContext.CancellationToken));
        Assert.AreEqual(new Engine.Geometry.Size(100, 50), image.Bounds.Size);
    }

    private static Task<DispatchHost> StartHostAsync(bool allowUngated = false) =>
        DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, CancellationToken.None, allowUngated, s_cli.Virtual.Environment);

    /// <summary>The window titled so in <c>dispatch windows --json</c>, or null when it is not listed.</summary>
    private static async Task<JsonElement?> WindowAsync(string title)
    {
        var windows = await s_cli.DispatchAsync("windows", "--json");
        Assert.AreEqual(0, windows.Status, windows.Error);
        foreach (var window in JsonDocument.Parse(windows.Output).RootElement.EnumerateArray())
        {
            if (window.GetProperty("title").GetString() == title)
            {
                return window.Clone();
            }
        }
        return null;
    }
}
