using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;

namespace Dispatch.Agent.Tests;

/// <summary>
/// The built <c>dispatch run</c> on its own virtual desktop, with a program launched on it, stopped every way it can be:
/// afterwards none of its processes is left and none of its files. Its processes are told apart from the machine's others
/// (other tests run desktops at the same time) by its process tree and the sessions of that tree, never by name.
/// </summary>
[TestClass]
[SupportedOSPlatform("linux")]
public sealed partial class RunLifecycleTests
{
    private static readonly TimeSpan Started = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Gone = TimeSpan.FromSeconds(2);

    public TestContext TestContext { get; set; } = null!;

    [GeneratedRegex(@"display :(\d+)")]
    private static partial Regex DisplayNumber();

    [TestMethod]
    public async Task Run_KilledWithSigkill_LeavesNoProcessAndNoFile()
    {
        using var run = await StartRunAsync();

        var killed = Stopwatch.StartNew();
        run.Host.Kill();

        await AssertAllGoneAsync(run, killed);
    }

    [TestMethod]
    public async Task Run_StoppedWithSigterm_ExitsZero_AndLeavesNoProcessAndNoFile()
    {
        using var run = await StartRunAsync();

        await SendSigtermAsync(run.Host.Id);
        await run.Host.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.CancellationToken);
        var exited = Stopwatch.StartNew();

        Assert.AreEqual(0, run.Host.ExitCode, await run.Errors);
        await AssertAllGoneAsync(run, exited);
    }

    [TestMethod]
    public async Task Run_ItsXServerKilled_ExitsNonZeroWithOneLine_AndLeavesNoProcessAndNoFile()
    {
        using var run = await StartRunAsync();
        var xvfb = run.Own.Single(p => p.Name == "Xvfb");

        using (var server = Process.GetProcessById(xvfb.Id))
        {
            server.Kill();
        }
        await run.Host.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.CancellationToken);
        var exited = Stopwatch.StartNew();

        var errors = (await run.Errors).Trim();
        Assert.AreEqual(1, run.Host.ExitCode, errors);
        // xterm says its own words about the lost server on the same stream; dispatch's are one line of their own.
        var ours = errors.Split('\n').Where(l => l.StartsWith("dispatch:", StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, ours, errors);
        StringAssert.Contains(ours[0], $"the X server of display :{run.Display} went away");
        await AssertAllGoneAsync(run, exited);
    }

    /// <summary>
    /// Starts <c>dispatch run --virtual --launch xterm</c> with private state, runtime and temporary folders, waits until it
    /// is ready and xterm runs, and notes every process of its tree.
    /// </summary>
    private async Task<RunningHost> StartRunAsync()
    {
        var root = Directory.CreateTempSubdirectory("dispatch-run-").FullName;
        var temp = Directory.CreateDirectory(Path.Combine(root, "tmp")).FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "dispatch.dll"), "run", "--virtual", "--size", "800x600", "--launch", "xterm" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Remove("DISPLAY");
        start.Environment["TMPDIR"] = temp;
        start.Environment["XDG_RUNTIME_DIR"] = Directory.CreateDirectory(Path.Combine(root, "run")).FullName;
        start.Environment["XDG_STATE_HOME"] = Path.Combine(root, "state");
        start.Environment["DISPATCH_STATE_DIR"] = Path.Combine(root, "state");
        // As ./dispatch exports it: without it the runtime leaves its diagnostic socket and pipes in TMPDIR when killed.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        var host = Process.Start(start)!;
        try
        {
            var errors = host.StandardError.ReadToEndAsync(TestContext.CancellationToken);

            using var ready = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
            ready.CancelAfter(Started);
            string? display = null;
            while (await host.StandardOutput.ReadLineAsync(ready.Token) is { } line && !line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
            {
                display ??= DisplayNumber().Match(line) is { Success: true } match ? match.Groups[1].Value : null;
            }
            Assert.IsNotNull(display, $"dispatch run did not say its display. {await errors}");
            _ = host.StandardOutput.ReadToEndAsync(TestContext.CancellationToken);

            // xterm is started after the host says it is ready; wait for it to be in the tree (it is polled: no event says so).
            var deadline = Stopwatch.StartNew();
            List<ProcessEntry> own;
            while (!(own = ProcessEntry.DescendantsOf(host.Id, ProcessEntry.All())).Any(p => p.Name == "xterm"))
            {
                Assert.IsLessThan(Started, deadline.Elapsed, $"xterm did not start: {string.Join(", ", own.Select(p => p.Name))}");
                await Task.Delay(50, TestContext.CancellationToken);
            }
            foreach (var part in new[] { "Xvfb", "dbus-daemon", "at-spi-bus-laun", "openbox" })
            {
                Assert.IsTrue(own.Any(p => p.Name == part), $"{part} is not in the host's tree: {string.Join(", ", own.Select(p => p.Name))}");
            }
            return new RunningHost(host, display, root, temp, own, errors);
        }
        catch
        {
            new RunningHost(host, "", root, temp, [], Task.FromResult("")).Dispose();
            throw;
        }
    }

    /// <summary>
    /// Within <see cref="Gone"/> of <paramref name="since"/>: no process of the host's tree, or of a session one of them
    /// led, is alive; its temporary folder is empty; its X server's socket and lock are gone (or another server's now).
    /// </summary>
    private async Task AssertAllGoneAsync(RunningHost run, Stopwatch since)
    {
        var pids = run.Own.Select(p => p.Id).ToHashSet();
        var sessions = run.Own.Where(p => p.SessionId == p.Id).Select(p => p.SessionId).ToHashSet();
        var xvfb = run.Own.Single(p => p.Name == "Xvfb").Id;
        var socket = $"/tmp/.X11-unix/X{run.Display}";
        var lockFile = $"/tmp/.X{run.Display}-lock";
        List<ProcessEntry> left;
        List<string> files;
        bool serverLeft;
        while (true)
        {
            left = ProcessEntry.All().Where(p => p.IsAlive && (pids.Contains(p.Id) || sessions.Contains(p.SessionId))).ToList();
            files = Directory.EnumerateFileSystemEntries(run.Temp).ToList();
            // Another test's Xvfb may take the display number as soon as ours is gone: its socket has a listener, its lock its pid.
            serverLeft = (File.Exists(socket) && !IsListenedOn(socket)) || (File.Exists(lockFile) && LockOwner(lockFile) == xvfb);
            if ((left.Count == 0 && files.Count == 0 && !serverLeft) || since.Elapsed > Gone)
            {
                break;
            }
            // Processes that are not our children cannot be waited for; /proc is polled.
            await Task.Delay(50, TestContext.CancellationToken);
        }
        Assert.IsEmpty(left, "still running after " + Gone.TotalSeconds + " s: " + string.Join(", ", left.Select(p => $"{p.Name} ({p.Id})")));
        Assert.IsEmpty(files, "left in its TMPDIR: " + string.Join(", ", files));
        Assert.IsFalse(serverLeft, $"the X server's socket {socket} or lock {lockFile} was left behind");
    }

    /// <summary>SIGTERM by the shell's kill (Process.Kill sends only SIGKILL).</summary>
    private async Task SendSigtermAsync(int processId)
    {
        using var kill = Process.Start("/bin/sh", ["-c", $"kill -TERM {processId}"]);
        await kill.WaitForExitAsync(TestContext.CancellationToken);
        Assert.AreEqual(0, kill.ExitCode, $"kill -TERM {processId} failed");
    }

    private static bool IsListenedOn(string socket) =>
        File.ReadLines("/proc/net/unix").Any(line => line.EndsWith(" " + socket, StringComparison.Ordinal));

    private static int LockOwner(string lockFile) =>
        int.TryParse(File.ReadAllText(lockFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var owner) ? owner : -1;
}
