using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Dispatch.Agent.Tests;

/// <summary>
/// <c>dispatch record</c>, <c>dispatch replay --report</c> and <c>dispatch recipe from-recording</c> as a person uses
/// them: clicks on gnome-calculator recorded while they happen, replayed after the window moved, and the report opened in
/// headless Chromium (no network) to see that every image in it shows.
/// </summary>
[TestClass]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class RecordReplayCliTests
{
    private static CliDesktop s_cli = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_cli = await CliDesktop.StartAsync("record", accessibility: true);

    [ClassCleanup]
    public static void Stop() => s_cli?.Dispose();

    public TestContext TestContext { get; set; } = null!;

    private static string Button(string label) => $"role=\"push button\" name=\"{label}\" in window \"Calculator\"";

    [TestMethod]
    public async Task ClicksRecorded_ReplayAfterTheWindowMoved_AndTheReportShowsEveryImageInABrowser()
    {
        var launch = await s_cli.DispatchAsync("launch", "gnome-calculator");
        Assert.AreEqual(0, launch.Status, launch.Error);
        s_cli.TrackLaunched(launch.Output);
        Assert.AreEqual(0, (await s_cli.DispatchAsync("click", Button("7"), "--wait", "20")).Status, "the calculator never became clickable");
        var session = Path.Combine(s_cli.Work, "session");

        var recorder = s_cli.StartDispatch("record", session);
        StringAssert.StartsWith(await recorder.StandardOutput.ReadLineAsync(TestContext.CancellationToken), "recording display");
        foreach (var label in new[] { "4", "2" })
        {
            var click = await s_cli.DispatchAsync("click", Button(label));
            Assert.AreEqual(0, click.Status, click.Error);
        }
        Assert.AreEqual(0, (await s_cli.DispatchAsync("key", "Pause")).Status);
        await recorder.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.CancellationToken);
        var recorded = await recorder.StandardOutput.ReadToEndAsync(TestContext.CancellationToken);
        var moved = await s_cli.DispatchAsync("window", "move", "Calculator", "30", "40");
        var report = Path.Combine(s_cli.Work, "report");
        var replay = await s_cli.DispatchAsync("replay", session, "--report", report);
        var page = await DumpDomAsync(Path.Combine(report, "report.html"));

        Assert.AreEqual(0, recorder.ExitCode, await recorder.StandardError.ReadToEndAsync(TestContext.CancellationToken));
        StringAssert.Contains(recorded, "recorded 2 step(s)");
        Assert.AreEqual(0, moved.Status, moved.Error);
        Assert.AreEqual(0, replay.Status, replay.Error + replay.Output);
        Assert.AreEqual(2, Regex.Count(replay.Output, "found by accessibility: role=\"button\" name=\"[42]\""), replay.Output);
        StringAssert.Contains(replay.Output, "all 2 step(s) replayed, 0 healed");
        var body = Body().Match(page);
        Assert.IsTrue(body.Success, page);
        Assert.AreEqual("passed", body.Groups["outcome"].Value);
        Assert.AreEqual("4", body.Groups["loaded"].Value, "two recorded and two replayed screens should show");
        Assert.AreEqual("0", body.Groups["broken"].Value);
        StringAssert.Contains(await File.ReadAllTextAsync(Path.Combine(report, "junit.xml"), TestContext.CancellationToken), "tests=\"2\" failures=\"0\"");

        var recipe = Path.Combine(s_cli.Work, "recipe", "forty-two.yaml");
        var converted = await s_cli.DispatchAsync("recipe", "from-recording", session, "-o", recipe);
        var check = await s_cli.DispatchAsync("recipe", "check", recipe);
        Assert.AreEqual(0, converted.Status, converted.Error);
        Assert.AreEqual(0, check.Status, check.Error);
        StringAssert.Contains(await File.ReadAllTextAsync(recipe, TestContext.CancellationToken), "- click: \"role=\\\"button\\\" name=\\\"4\\\" in window \\\"Calculator\\\"\"");
    }

    /// <summary>The page as headless Chromium has it once loaded: its scripts ran, its images were decoded.</summary>
    private async Task<string> DumpDomAsync(string html)
    {
        var start = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", $"--user-data-dir={Path.Combine(s_cli.Work, "chromium")}",
                     "--virtual-time-budget=5000", "--dump-dom", new Uri(html).AbsoluteUri })
        {
            start.ArgumentList.Add(argument);
        }
        using var chromium = Process.Start(start)!;
        var output = chromium.StandardOutput.ReadToEndAsync(TestContext.CancellationToken);
        _ = chromium.StandardError.ReadToEndAsync(TestContext.CancellationToken);
        await chromium.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(90), TestContext.CancellationToken);
        return await output;
    }

    [GeneratedRegex("<body data-outcome=\"(?<outcome>\\w+)\" data-images-loaded=\"(?<loaded>\\d+)\" data-images-broken=\"(?<broken>\\d+)\">")]
    private static partial Regex Body();
}
