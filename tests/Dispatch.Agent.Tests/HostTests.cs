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
    private static CliDesktop s_cli = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_cli = await CliDesktop.StartAsync("host");

    [ClassCleanup]
    public static void Stop() => s_cli?.Dispose();

    public TestContext TestContext { get; set; } = null!;

    /// <summary>A test that failed half-way must not leave its <c>dispatch run</c> owning the display for the next one.</summary>
    [TestCleanup]
    public void StopStrayHost()
    {
        if (HostSocket.ReadRecord(s_cli.Virtual.DisplayName) is { } record && record.ProcessId != Environment.ProcessId && HostSocket.IsLive(record.Display))
        {
            using var stray = Process.GetProcessById(record.ProcessId);
            stray.Kill();
            stray.WaitForExit();
        }
    }

    [TestMethod]
    public async Task Commands_ThroughTheHost_PrintWhatDirectModePrints()
    {
        var words = Path.Combine(s_cli.Work, "words.txt");
        await File.WriteAllTextAsync(words, "Quarterly invoice ready\n", TestContext.CancellationToken);
        await s_cli.LaunchAsync("xterm", "-title", "host reading", "-geometry", "60x10+300+300", "-e", "sh", "-c", $"printf '\\033[?25l'; cat '{words}'; exec sleep 600");
        var window = s_cli.Engine.Windows.List().Single(w => w.Title == "host reading").Bounds;
        string[][] commands =
        [
            ["windows"],
            ["windows", "--json"],
            ["watch", "--duration", "0.5", "--region", "0,0,100,100"],
            ["watch", "--region", "0,0,0,10"],
            ["find", "text=\"Quarterly invoice\" via=ocr in window \"host reading\""],
            ["find", "text=\"Zebra crossing\" via=ocr in window \"host reading\""],
            ["find", "text=\"Quarterly invoice\" via=ocr in window \"host reading\"", "--json"],
            ["ocr", "--region", $"{window.X},{window.Y},{window.Width},60"],
            ["click", "5000", "5"],
            ["key", "ctrl+nope"],
            ["find", "role~=button"],
            ["find", "text=x", "--wait", "1e308"],
            ["screenshot", "--region", "10,10,2147483647,10", "-o", Path.Combine(s_cli.Work, "overflow.png")],
            ["act", "{\"action\":\"left_clik\"}"],
        ];

        await using var host = await DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken);
        foreach (var command in commands)
        {
            var through = await s_cli.DispatchAsync(command);
            var direct = await s_cli.DispatchAsync(["--direct", .. command]);

            Assert.AreEqual(direct.Status, through.Status, $"{string.Join(' ', command)}: {through.Error}");
            Assert.AreEqual(Timeless(direct.Output), Timeless(through.Output), string.Join(' ', command));
            Assert.AreEqual(Timeless(direct.Error), Timeless(through.Error), string.Join(' ', command));
            Assert.DoesNotContain("   at ", through.Error, "a stack trace reached the terminal");
        }
    }

    [TestMethod]
    public async Task Screenshot_ThroughTheHost_WritesTheClientsFile()
    {
        var file = Path.Combine(s_cli.Work, "through-host.png");
        await using var host = await DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken);

        var shot = await s_cli.DispatchAsync("screenshot", "--region", "100,100,400,300", "-o", file);
        var directory = await s_cli.DispatchAsync("screenshot", "-o", s_cli.Work);

        Assert.AreEqual(0, shot.Status, shot.Error);
        using var image = Engine.Capture.FrameEncoder.Decode(await File.ReadAllBytesAsync(file, TestContext.CancellationToken));
        Assert.AreEqual(new Engine.Geometry.Size(400, 300), image.Bounds.Size);
        Assert.AreEqual(1, directory.Status);
        StringAssert.Contains(directory.Error, "is a directory");
    }

    [TestMethod]
    public async Task Act_OnAPermanentDeleteDialog_IsHeldByTheHost_AndLandsInItsJournal()
    {
        var (dialog, yes) = await s_cli.QuestionAsync("Remove files", "Permanently delete 3 files?");
        await using var host = await DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken);

        // This test process has no terminal, so nobody can be asked: the host refuses it as unreachable.
        var act = await s_cli.DispatchAsync("act", $"{{\"action\":\"left_click\",\"coordinate\":[{yes.X},{yes.Y}]}}");

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
        var (dialog, yes) = await s_cli.QuestionAsync("Erase disk", "Permanently erase the disk?");
        await using var host = await DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken);

        // The client runs in a pseudo-terminal; the host finds that terminal from the socket's peer and asks there.
        var (status, output) = await s_cli.DispatchInTerminalAsync("y", TestContext.CancellationToken, "act", $"{{\"action\":\"left_click\",\"coordinate\":[{yes.X},{yes.Y}]}}");
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(60));

        Assert.AreEqual(0, status, output);
        StringAssert.Contains(output, "Held for approval: Click 'Yes' in 'Erase disk'");
        StringAssert.Contains(output, $"journal: {host.Record.Journal}");
        await dialog.Process.WaitForExitAsync(guard.Token);
        Assert.AreEqual(0, dialog.Process.ExitCode, "zenity exits 0 when Yes is clicked");
    }

    [TestMethod]
    [DataRow("KILL")]
    [DataRow("TERM")]
    [DataRow("INT")]
    public async Task ClientKilledWhileTheHostHoldsItsKeys_HasThemLetGoAtOnce(string signal)
    {
        await using var host = await DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken, allowUngated: true);
        for (var round = 0; round < 3; round++)
        {
            var holder = s_cli.StartDispatch("act", "{\"action\":\"hold_key\",\"text\":\"shift+ctrl\",\"duration\":60}", "--no-gate");
            await CliDesktop.UntilAsync(() => Task.FromResult(s_cli.Engine.Input.QueryState().KeysDown.Contains("Shift_L")), "the host to hold shift", TestContext.CancellationToken);
            // A random moment within the hold, so the kill does not always land at the same point of the host's work.
            await Task.Delay(Random.Shared.Next(0, 300), TestContext.CancellationToken);

            Signal(holder, signal);
            await holder.WaitForExitAsync(TestContext.CancellationToken);

            // The host is told by its closed connection; nothing else of the client's runs any more.
            await CliDesktop.UntilAsync(() => Task.FromResult(s_cli.Engine.Input.QueryState().NothingPressed),
                $"the host to let go of the keys of a client killed by SIG{signal} (round {round})", TestContext.CancellationToken);
        }
        var after = await s_cli.DispatchAsync("key", "shift+a", "--no-gate");
        Assert.AreEqual(0, after.Status, after.Error);
    }

    [TestMethod]
    public async Task ClientKilledWhileTheHostTypesCyrillic_LeavesTheKeymapAsItWas()
    {
        var app = await s_cli.LaunchAsync("xterm", "-title", "host cyrillic sink", "-e", "sh", "-c", "cat > /dev/null");
        s_cli.Engine.Windows.Activate(app.Window.Id);
        await s_cli.Engine.Windows.WaitForWindowAsync(w => w.Id == app.Window.Id && w.IsActive, TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        await using var host = await DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken, allowUngated: true);
        var before = await s_cli.KeymapAsync();
        var text = string.Concat(Enumerable.Repeat("съешь же ещё этих мягких французских булок, да выпей чаю ", 40));

        var typist = s_cli.StartDispatch("type", text, "--no-gate");
        await CliDesktop.UntilAsync(async () => typist.HasExited || await s_cli.KeymapAsync() != before, "spare keycodes to be bound", TestContext.CancellationToken);
        Assert.IsFalse(typist.HasExited, $"the typist ended before it was killed: {await typist.StandardError.ReadToEndAsync(TestContext.CancellationToken)}");
        typist.Kill();
        await typist.WaitForExitAsync(TestContext.CancellationToken);

        await CliDesktop.UntilAsync(async () => s_cli.Engine.Input.QueryState().NothingPressed && await s_cli.KeymapAsync() == before,
            "the host to stop typing, let go and unbind its spare keycodes", TestContext.CancellationToken);
        var typed = await s_cli.DispatchAsync("type", "ещё", "--no-gate");
        Assert.AreEqual(0, typed.Status, typed.Error);
        app.Process.Kill();
    }

    [TestMethod]
    public async Task HostKilledWhileHoldingCtrl_TheNextHostLetsGo_ButNotOfAKeyAnotherClientHolds()
    {
        // Another program, not Dispatch, holds b through XTest until its standard input closes (as `xdotool keydown b` would).
        var holder = s_cli.Virtual.CreateStartInfo("/usr/bin/python3", "-c", """
            import ctypes, sys
            x = ctypes.CDLL("libX11.so.6"); t = ctypes.CDLL("libXtst.so.6")
            x.XOpenDisplay.restype = ctypes.c_void_p
            d = ctypes.c_void_p(x.XOpenDisplay(None))
            k = x.XKeysymToKeycode(d, x.XStringToKeysym(b"b"))
            t.XTestFakeKeyEvent(d, k, 1, 0); x.XSync(d, 0)
            print("held", flush=True); sys.stdin.read()
            t.XTestFakeKeyEvent(d, k, 0, 0); x.XSync(d, 0)
            """);
        holder.RedirectStandardInput = true;
        holder.RedirectStandardOutput = true;
        using var other = Process.Start(holder)!;
        s_cli.Track(other);
        var run = s_cli.StartDispatch("run", "--allow-ungated");
        try
        {
            Assert.AreEqual("held", await other.StandardOutput.ReadLineAsync(TestContext.CancellationToken));
            await CliDesktop.UntilAsync(() => Task.FromResult(HostSocket.IsLive(s_cli.Virtual.DisplayName)), "dispatch run to serve its socket", TestContext.CancellationToken);
            var client = s_cli.StartDispatch("act", "{\"action\":\"hold_key\",\"text\":\"ctrl\",\"duration\":60}", "--no-gate");
            await CliDesktop.UntilAsync(() => Task.FromResult(s_cli.Engine.Input.QueryState().KeysDown.Contains("Control_L")), "the host to hold ctrl", TestContext.CancellationToken);

            run.Kill();
            await run.WaitForExitAsync(TestContext.CancellationToken);
            await client.WaitForExitAsync(TestContext.CancellationToken);
            Assert.Contains("Control_L", s_cli.Engine.Input.QueryState().KeysDown, "SIGKILL itself let go of ctrl: nothing to recover");
            await using (await DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken))
            {
                var state = s_cli.Engine.Input.QueryState();
                Assert.DoesNotContain("Control_L", state.KeysDown, "the next host did not let go of the dead host's ctrl");
                Assert.Contains("b", state.KeysDown, "the next host let go of a key another program holds");
            }
        }
        finally
        {
            if (!run.HasExited)
            {
                run.Kill();
                await run.WaitForExitAsync(TestContext.CancellationToken);
            }
            other.StandardInput.Close();
            await other.WaitForExitAsync(TestContext.CancellationToken);
        }
        Assert.IsTrue(s_cli.Engine.Input.QueryState().NothingPressed);
    }

    private static void Signal(Process process, string signal)
    {
        if (signal == "KILL")
        {
            process.Kill();
            return;
        }
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    [TestMethod]
    public async Task StatusAndStop_ListTheRunningHost_ThenStopIt()
    {
        var run = s_cli.StartDispatch("run");
        await CliDesktop.UntilAsync(() => Task.FromResult(HostSocket.IsLive(s_cli.Virtual.DisplayName)), "dispatch run to serve its socket", TestContext.CancellationToken);

        var status = await s_cli.DispatchAsync("status");
        var stop = await s_cli.DispatchAsync("stop");
        await run.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.CancellationToken);
        var after = await s_cli.DispatchAsync("status");

        Assert.AreEqual(0, status.Status, status.Error);
        StringAssert.Contains(status.Output, $"display {s_cli.Virtual.DisplayName}: host pid {run.Id}");
        Assert.AreEqual(0, stop.Status, stop.Error);
        StringAssert.Contains(stop.Output, $"stopped the host of display {s_cli.Virtual.DisplayName} (pid {run.Id})");
        Assert.AreEqual(0, run.ExitCode, await run.StandardError.ReadToEndAsync(TestContext.CancellationToken));
        Assert.AreEqual(1, after.Status);
        StringAssert.Contains(after.Error, "no Dispatch host runs");
        Assert.IsFalse(File.Exists(HostSocket.PathFor(s_cli.Virtual.DisplayName)), "a stopped host left its socket");
    }

    [TestMethod]
    public async Task NoGate_OverTheSocket_IsRefusedUnlessTheHostAllowsIt()
    {
        await using (await DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken))
        {
            var refused = await s_cli.DispatchAsync("key", "Escape", "--no-gate");

            CliDesktop.AssertOneLineError(refused, "--no-gate is refused over its socket");
        }
        await using (await DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken, allowUngated: true))
        {
            var allowed = await s_cli.DispatchAsync("key", "Escape", "--no-gate");

            Assert.AreEqual(0, allowed.Status, allowed.Error);
        }
    }

    [TestMethod]
    public async Task ButtonPressedByOneTask_IsLetGoWhenItEnds_SoTheNextTasksMovesAreNotDrags()
    {
        await using var host = await DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken);

        var pressed = await s_cli.DispatchAsync("act", "{\"action\":\"left_mouse_down\",\"coordinate\":[5,5]}");

        Assert.AreEqual(0, pressed.Status, pressed.Error);
        Assert.IsTrue(s_cli.Engine.Input.QueryState().NothingPressed, "the button pressed by a finished task is still held in the host");
    }

    [TestMethod]
    public async Task SecondHost_ForTheSameDisplay_IsRefusedNamingTheLiveOne()
    {
        await using var host = await DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken);

        var second = await Assert.ThrowsExactlyAsync<DispatchException>(() => DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken));

        StringAssert.Contains(second.Message, $"display {s_cli.Virtual.DisplayName} already has a Dispatch host (pid {Environment.ProcessId}, socket {host.Record.Socket}");
        Assert.IsTrue(HostSocket.IsLive(s_cli.Virtual.DisplayName), "the refused host disturbed the live one");
    }

    [TestMethod]
    public async Task KilledHost_ItsStaleSocketIsReplacedByTheNextHost()
    {
        var run = s_cli.StartDispatch("run");
        await CliDesktop.UntilAsync(() => Task.FromResult(HostSocket.IsLive(s_cli.Virtual.DisplayName)), "dispatch run to serve its socket", TestContext.CancellationToken);
        var through = await s_cli.DispatchAsync("windows");
        run.Kill();
        await run.WaitForExitAsync(TestContext.CancellationToken);

        Assert.AreEqual(0, through.Status, through.Error);
        Assert.IsTrue(File.Exists(HostSocket.PathFor(s_cli.Virtual.DisplayName)), "SIGKILL left no socket file: nothing stale to replace");
        Assert.IsFalse(HostSocket.IsLive(s_cli.Virtual.DisplayName));
        await using var next = await DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken);
        Assert.IsTrue(HostSocket.IsLive(s_cli.Virtual.DisplayName));
        Assert.AreEqual(Environment.ProcessId, HostSocket.ReadRecord(s_cli.Virtual.DisplayName)?.ProcessId);
    }

    [TestMethod]
    public async Task LoopEvents_ArriveInOrderOverServerSentEvents_WhileAScriptedTaskRuns()
    {
        await using var host = await DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken);
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
        var task = (await client.TasksAsync(TestContext.CancellationToken))[0];
        Assert.AreEqual((reply.TaskId, "scripted", 2, "done"), (task.TaskId, task.Task, task.Steps, task.Outcome));
    }

    [TestMethod]
    [DataRow("watch|--duration|NaN", "--duration NaN")]
    [DataRow("find|text=\"x\"|--wait|1e308", "--wait")]
    [DataRow("find|text=\"x\"|--wait|-1", "--wait -1")]
    [DataRow("find|text=\"x\"|--annotate|{work}", "is a directory")]
    [DataRow("screenshot|--region|2147483000,0,1000,10|-o|{work}/big.png", "2147483000")]
    [DataRow("screenshot|-o|{work}", "is a directory")]
    [DataRow("screenshot|-o|/proc/no/such/place.png", "/proc/no/such")]
    [DataRow("ocr|--image|/dev/zero", "/dev/zero")]
    [DataRow("ocr|--image|{work}/huge.png", "16000x16000")]
    [DataRow("ocr|--image|{work}/words.txt", "not a PNG, JPEG or WebP")]
    [DataRow("ocr|--region|-5,0,10,10", "-5")]
    [DataRow("act|{\"action\":\"left_click\",\"coordinate\":[\"a\",\"b\"]}", "\"coordinate\"")]
    [DataRow("act|{\"action\":\"key\",\"text\":\"ctrl+nope\"}|--dry-run", "'nope'")]
    [DataRow("act|{\"action\":\"key\",\"text\":\"Return\"}|--approval-timeout|1e308", "--approval-timeout")]
    [DataRow("type|x|--approval-timeout|-1", "--approval-timeout -1")]
    [DataRow("key|0xffffffff", "'0xffffffff'")]
    [DataRow("click|5|5|--hold|Return", "'Return'")]
    public async Task BadInput_ThroughTheHost_EndsInOneLineNamingTheValue_AndTheHostServesOn(string command, string named)
    {
        await File.WriteAllTextAsync(Path.Combine(s_cli.Work, "words.txt"), "no image here\n", TestContext.CancellationToken);
        using (var frame = Engine.Capture.Frame.Create(new Engine.Geometry.Rect(0, 0, 16, 16)))
        {
            var png = Engine.Capture.FrameEncoder.Encode(frame, Engine.Capture.ImageFormat.Png).Bytes;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 16000);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 16000);
            await File.WriteAllBytesAsync(Path.Combine(s_cli.Work, "huge.png"), png, TestContext.CancellationToken);
        }
        await using var host = await DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken);
        // Arguments are separated by '|' in the rows, so JSON keeps its quotes.
        var arguments = command.Replace("{work}", s_cli.Work, StringComparison.Ordinal).Split('|');

        var result = await s_cli.DispatchAsync(arguments).WaitAsync(TimeSpan.FromSeconds(30), TestContext.CancellationToken);
        var after = await s_cli.DispatchAsync("windows");

        CliDesktop.AssertOneLineError(result, named);
        Assert.AreEqual(0, after.Status, $"the host stopped serving after {command}: {after.Error}");
        Assert.IsTrue(HostSocket.IsLive(s_cli.Virtual.DisplayName));
    }

    [TestMethod]
    [DataRow("v1/find", "{\"locator\": 5}", "$.locator")]
    [DataRow("v1/screenshot", "xyz", "'x' is an invalid start of a value")]
    [DataRow("v1/tasks", "", "has no body")]
    public async Task MalformedBody_OverTheSocket_IsAProblemSayingWhatIsWrong_AndTheHostServesOn(string path, string body, string named)
    {
        await using var host = await DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken);

        using var exchange = HostExchange.Send(host.Record.Socket, "POST", path, System.Text.Encoding.UTF8.GetBytes(body), TestContext.CancellationToken);
        var problem = System.Text.Json.JsonSerializer.Deserialize(exchange.ReadBody(TestContext.CancellationToken), LocalApiJsonContext.Default.ProblemReply);
        var after = await s_cli.DispatchAsync("windows");

        Assert.AreEqual(400, exchange.StatusCode);
        Assert.IsNotNull(problem, "a 400 with no problem reply");
        StringAssert.Contains(problem.Detail, named);
        Assert.AreEqual(1, problem.ExitCode);
        Assert.AreEqual(0, after.Status, $"the host stopped serving after a malformed {path}: {after.Error}");
    }

    /// <summary>Timings differ from run to run; everything else must be the same.</summary>
    private static string Timeless(string text) => Milliseconds().Replace(text, "N");

    [GeneratedRegex(@"\d+(\.\d+)?(?= ms)|(?<=""elapsedMilliseconds"": )[\d.]+")]
    private static partial Regex Milliseconds();


}
