using System.Diagnostics;
using System.Text.RegularExpressions;
using Dispatch.Agent.Cli;
using Dispatch.Agent.Host;
using Dispatch.Agent.LocalApi;
using Dispatch.Engine;
using Dispatch.Engine.Platform.X11;

namespace Dispatch.Agent.Tests;

/// <summary>
/// <c>dispatch run</c> as the host of a display, and the CLI as its client: the same outputs and errors as direct mode, one
/// host per display, held steps in the host's journal, a killed host replaced, loop events streamed in order.
/// </summary>
[TestClass]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class HostTests
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
        s_work = Directory.CreateTempSubdirectory("dispatch-host-").FullName;
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

    [TestMethod]
    public async Task Commands_ThroughTheHost_PrintWhatDirectModePrints()
    {
        var words = Path.Combine(s_work, "words.txt");
        await File.WriteAllTextAsync(words, "Quarterly invoice ready\n", TestContext.CancellationToken);
        await LaunchAsync("xterm", "-title", "host reading", "-geometry", "60x10+300+300", "-e", "sh", "-c", $"printf '\\033[?25l'; cat '{words}'; exec sleep 600");
        var window = s_engine.Windows.List().Single(w => w.Title == "host reading").Bounds;
        string[][] commands =
        [
            ["windows"],
            ["windows", "--json"],
            ["find", "text=\"Quarterly invoice\" via=ocr in window \"host reading\""],
            ["find", "text=\"Zebra crossing\" via=ocr in window \"host reading\""],
            ["ocr", "--region", $"{window.X},{window.Y},{window.Width},60"],
            ["click", "5000", "5"],
            ["key", "ctrl+nope"],
            ["find", "role~=button"],
            ["find", "text=x", "--wait", "1e308"],
            ["screenshot", "--region", "10,10,2147483647,10", "-o", Path.Combine(s_work, "overflow.png")],
            ["act", "{\"action\":\"left_clik\"}"],
        ];

        await using var host = await DispatchHost.StartAsync(s_desktop.DisplayName, isVirtual: false, TestContext.CancellationToken);
        foreach (var command in commands)
        {
            var through = await DispatchAsync(command);
            var direct = await DispatchAsync(["--direct", .. command]);

            Assert.AreEqual(direct.Status, through.Status, $"{string.Join(' ', command)}: {through.Error}");
            Assert.AreEqual(Timeless(direct.Output), Timeless(through.Output), string.Join(' ', command));
            Assert.AreEqual(Timeless(direct.Error), Timeless(through.Error), string.Join(' ', command));
            Assert.DoesNotContain("   at ", through.Error, "a stack trace reached the terminal");
        }
    }

    [TestMethod]
    public async Task Screenshot_ThroughTheHost_WritesTheClientsFile()
    {
        var file = Path.Combine(s_work, "through-host.png");
        await using var host = await DispatchHost.StartAsync(s_desktop.DisplayName, isVirtual: false, TestContext.CancellationToken);

        var shot = await DispatchAsync("screenshot", "--region", "100,100,400,300", "-o", file);
        var directory = await DispatchAsync("screenshot", "-o", s_work);

        Assert.AreEqual(0, shot.Status, shot.Error);
        using var image = Engine.Capture.FrameEncoder.Decode(await File.ReadAllBytesAsync(file, TestContext.CancellationToken));
        Assert.AreEqual(new Engine.Geometry.Size(400, 300), image.Bounds.Size);
        Assert.AreEqual(1, directory.Status);
        StringAssert.Contains(directory.Error, "is a directory");
    }

    [TestMethod]
    public async Task Act_OnAPermanentDeleteDialog_IsHeldByTheHost_AndLandsInItsJournal()
    {
        var dialog = await LaunchAsync("zenity", "--question", "--title", "Remove files", "--text", "Permanently delete 3 files?", "--ok-label", "Yes", "--cancel-label", "No");
        using var ocr = new Engine.Vision.OcrEngine();
        var yes = new Engine.Locators.ElementFinder(s_engine, ocr).Find("text~=\"Yes\" via=ocr in window \"Remove files\"").Bounds.Center;
        await using var host = await DispatchHost.StartAsync(s_desktop.DisplayName, isVirtual: false, TestContext.CancellationToken);

        // This test process has no terminal, so nobody can be asked: the host refuses it as unreachable.
        var act = await DispatchAsync("act", $"{{\"action\":\"left_click\",\"coordinate\":[{yes.X},{yes.Y}]}}");

        Assert.AreEqual(3, act.Status, act.Error);
        StringAssert.Contains(act.Error, "unreachable");
        Assert.IsFalse(dialog.Process.HasExited, "the dialog's Yes was clicked");
        var journal = await File.ReadAllTextAsync(host.Record.Journal, TestContext.CancellationToken);
        StringAssert.Contains(journal, "\"decision\":\"unreachable\"");
        StringAssert.Contains(journal, "Remove files");
    }

    [TestMethod]
    public async Task Act_ThroughTheHost_IsAskedOnTheClientsOwnTerminal_AndItsYesClicks()
    {
        var dialog = await LaunchAsync("zenity", "--question", "--title", "Erase disk", "--text", "Permanently erase the disk?", "--ok-label", "Yes", "--cancel-label", "No");
        using var ocr = new Engine.Vision.OcrEngine();
        var yes = new Engine.Locators.ElementFinder(s_engine, ocr).Find("text~=\"Yes\" via=ocr in window \"Erase disk\"").Bounds.Center;
        await using var host = await DispatchHost.StartAsync(s_desktop.DisplayName, isVirtual: false, TestContext.CancellationToken);
        var dispatch = string.Join(' ', new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "dispatch.dll"), "--display", s_desktop.DisplayName, "act",
            $"{{\"action\":\"left_click\",\"coordinate\":[{yes.X},{yes.Y}]}}" }.Select(a => $"'{a}'"));
        var start = new ProcessStartInfo("/usr/bin/script") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-q", "-e", "-c", dispatch, "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DISPATCH_STATE_DIR"] = Path.Combine(s_work, "state");

        // The client runs in a pseudo-terminal; the host finds that terminal from the socket's peer and asks there.
        var script = Process.Start(start)!;
        s_apps.Add(script);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(60));
        var output = new System.Text.StringBuilder();
        var buffer = new char[1024];
        var answered = false;
        int read;
        while ((read = await script.StandardOutput.ReadAsync(buffer, guard.Token)) > 0)
        {
            output.Append(buffer, 0, read);
            if (!answered && output.ToString().Contains("Approve?", StringComparison.Ordinal))
            {
                await script.StandardInput.WriteAsync("y\r");
                await script.StandardInput.FlushAsync(guard.Token);
                answered = true;
            }
        }
        await script.WaitForExitAsync(guard.Token);

        Assert.AreEqual(0, script.ExitCode, output.ToString());
        StringAssert.Contains(output.ToString(), "Held for approval: Click 'Yes' in 'Erase disk'");
        StringAssert.Contains(output.ToString(), $"journal: {host.Record.Journal}");
        await dialog.Process.WaitForExitAsync(guard.Token);
        Assert.AreEqual(0, dialog.Process.ExitCode, "zenity exits 0 when Yes is clicked");
    }

    [TestMethod]
    public async Task SecondHost_ForTheSameDisplay_IsRefusedNamingTheLiveOne()
    {
        await using var host = await DispatchHost.StartAsync(s_desktop.DisplayName, isVirtual: false, TestContext.CancellationToken);

        var second = await Assert.ThrowsExactlyAsync<DispatchException>(() => DispatchHost.StartAsync(s_desktop.DisplayName, isVirtual: false, TestContext.CancellationToken));

        StringAssert.Contains(second.Message, $"display {s_desktop.DisplayName} already has a Dispatch host (pid {Environment.ProcessId}, socket {host.Record.Socket}");
        Assert.IsTrue(HostSocket.IsLive(s_desktop.DisplayName), "the refused host disturbed the live one");
    }

    [TestMethod]
    public async Task KilledHost_ItsStaleSocketIsReplacedByTheNextHost()
    {
        var run = StartDispatch("run");
        s_apps.Add(run);
        await UntilAsync(() => HostSocket.IsLive(s_desktop.DisplayName), "dispatch run to serve its socket");
        var through = await DispatchAsync("windows");
        run.Kill();
        await run.WaitForExitAsync(TestContext.CancellationToken);

        Assert.AreEqual(0, through.Status, through.Error);
        Assert.IsTrue(File.Exists(HostSocket.PathFor(s_desktop.DisplayName)), "SIGKILL left no socket file: nothing stale to replace");
        Assert.IsFalse(HostSocket.IsLive(s_desktop.DisplayName));
        await using var next = await DispatchHost.StartAsync(s_desktop.DisplayName, isVirtual: false, TestContext.CancellationToken);
        Assert.IsTrue(HostSocket.IsLive(s_desktop.DisplayName));
        Assert.AreEqual(Environment.ProcessId, HostSocket.ReadRecord(s_desktop.DisplayName)?.ProcessId);
    }

    [TestMethod]
    public async Task LoopEvents_ArriveInOrderOverServerSentEvents_WhileAScriptedTaskRuns()
    {
        await using var host = await DispatchHost.StartAsync(s_desktop.DisplayName, isVirtual: false, TestContext.CancellationToken);
        using var client = new HostClient(host.Record.Socket, host.Record.Display);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        var lines = new List<string>();
        var subscribed = new TaskCompletionSource();
        var reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var line in client.EventLinesAsync(stop.Token))
                {
                    lines.Add(line);
                    if (lines.Count > 1 && lines[^2] == "event: finished")
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }, TestContext.CancellationToken);
        // The stream begins with the response headers; give the subscription a moment to be registered by asking for windows first.
        await client.WindowsAsync(TestContext.CancellationToken);
        await Task.Delay(200, TestContext.CancellationToken);

        var reply = await client.RunStepsAsync(new StepRequest("scripted", ["{\"action\":\"mouse_move\",\"coordinate\":[200,200]}", "{\"action\":\"cursor_position\"}"],
            DryRun: false, ModelCoordinates: false, NoGate: false, ApprovalTimeoutSeconds: 5), TestContext.CancellationToken);
        await reading.WaitAsync(TimeSpan.FromSeconds(30), TestContext.CancellationToken);
        await stop.CancelAsync();

        Assert.AreEqual("done", reply.Outcome, reply.Message);
        var kinds = lines.Where(l => l.StartsWith("event: ", StringComparison.Ordinal)).Select(l => l[7..]).ToList();
        CollectionAssert.AreEqual(new[] { "started", "planned", "decided", "executed", "planned", "decided", "executed", "finished" }, kinds, string.Join('\n', lines));
        var data = lines.Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).ToList();
        StringAssert.Contains(data[0], reply.TaskId.ToString());
        StringAssert.Contains(data[^1], "\"finished\":\"Done\"");
    }

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

    /// <summary>Timings differ from run to run; everything else must be the same.</summary>
    private static string Timeless(string text) => Milliseconds().Replace(text, "N ms");

    [GeneratedRegex(@"\d+(\.\d+)? ms")]
    private static partial Regex Milliseconds();

    private async Task<Engine.Windowing.LaunchedApp> LaunchAsync(params string[] command)
    {
        var info = s_desktop.CreateStartInfo(command[0], command[1..]);
        info.WorkingDirectory = s_work;
        info.Environment["LC_ALL"] = "C.UTF-8";
        var app = await s_engine.Windows.LaunchAsync(info, TimeSpan.FromSeconds(60), cancellationToken: TestContext.CancellationToken);
        s_apps.Add(app.Process);
        await s_engine.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        return app;
    }

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

    private async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.IsLessThan(deadline, DateTime.UtcNow, $"gave up waiting for {what}");
            // A socket that starts answering sends no event anyone could wait on.
            await Task.Delay(50, TestContext.CancellationToken);
        }
    }
}
