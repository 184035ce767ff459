using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using System.Text.RegularExpressions;

namespace Dispatch.Agent.Tests;

/// <summary>
/// The console approval channel on a real pseudo-terminal (util-linux <c>script</c>) and behind a real pipe, through
/// <see cref="ApprovalProbe"/>: what no unit test with a scripted terminal can show.
/// </summary>
[TestClass]
[SupportedOSPlatform("linux")]
public sealed partial class TerminalApprovalTests
{
    private const string Script = "/usr/bin/script";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private string _state = null!;

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void CreateStateDirectory()
    {
        _state = Directory.CreateTempSubdirectory("dispatch-tty-").FullName;
    }

    [TestCleanup]
    public void RemoveStateDirectory()
    {
        if (_state is not null)
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    [TestMethod]
    public async Task OnATerminalNoAnswerEndsAsTimedOutAtTheDeadline()
    {
        var clock = Stopwatch.StartNew();
        var output = await RunInTerminalAsync(answer: null);
        TestContext.WriteLine($"in a pseudo-terminal, start to exit: {clock.Elapsed.TotalSeconds:F2} s");

        StringAssert.Contains(output, "no answer in time: denied");
        var asked = AskedFor(output, "TimedOut");
        // 10 ms of slack below: the deadline is kept on the wall clock, the probe measures on the monotonic one.
        Assert.IsTrue(asked is >= 2.99 and < 4, $"a 3 s question should end as timed out within 4 s, not after {asked} s:\n{output}");
        Assert.IsEmpty(Directory.GetFiles(Path.Combine(_state, "approvals")), "the screenshot is removed");
    }

    [TestMethod]
    public async Task OnATerminalTypingYesApproves()
    {
        var output = await RunInTerminalAsync(answer: "yes\r");

        StringAssert.Contains(output, "means no) yes");
        Assert.IsLessThan(3, AskedFor(output, "Approved"));
        Assert.IsEmpty(Directory.GetFiles(Path.Combine(_state, "approvals")), "the screenshot is removed");
    }

    [TestMethod]
    public async Task ThroughAPipeNobodyIsAskedAndTheAnswerIsRefused()
    {
        using var probe = Process.Start(Start(Host, ProbeArguments))!;
        await probe.StandardInput.WriteAsync("y\n");
        probe.StandardInput.Close();
        using var guard = new CancellationTokenSource(Guard);
        var output = await probe.StandardOutput.ReadToEndAsync(guard.Token);
        var error = await probe.StandardError.ReadToEndAsync(guard.Token);
        await probe.WaitForExitAsync(guard.Token);

        Assert.IsLessThan(1, AskedFor(output, "Unreachable"), output);
        Assert.AreEqual("dispatch: approval needs a person at an interactive terminal; standard input is a pipe or file, so 'Click 'Yes' in 'Delete files'' "
            + "is denied. Approve from a terminal, or from the phone once paired.\n", error);
        Assert.IsFalse(Directory.Exists(Path.Combine(_state, "approvals")), "nothing is written for a request nobody can see");
    }

    /// <summary>Runs the probe in a pseudo-terminal, types <paramref name="answer"/> once the question shows, and returns all it showed.</summary>
    private async Task<string> RunInTerminalAsync(string? answer)
    {
        var command = $"'{Host}' {string.Join(' ', ProbeArguments.Select(a => $"'{a}'"))}";
        using var script = Process.Start(Start(Script, ["-q", "-e", "-c", command, "/dev/null"]))!;
        using var guard = new CancellationTokenSource(Guard);
        try
        {
            var output = new StringBuilder();
            var buffer = new char[1024];
            int read;
            while ((read = await script.StandardOutput.ReadAsync(buffer, guard.Token)) > 0)
            {
                output.Append(buffer, 0, read);
                if (answer is not null && output.ToString().Contains("Approve?", StringComparison.Ordinal))
                {
                    await script.StandardInput.WriteAsync(answer);
                    await script.StandardInput.FlushAsync(guard.Token);
                    answer = null;
                }
            }
            await script.WaitForExitAsync(guard.Token);
            Assert.AreEqual(0, script.ExitCode, output.ToString());
            return output.ToString();
        }
        finally
        {
            if (!script.HasExited)
            {
                script.Kill(entireProcessTree: true);
            }
        }
    }

    private ProcessStartInfo Start(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DISPATCH_STATE_DIR"] = _state;
        return start;
    }

    private static string Host => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    private static string[] ProbeArguments => [typeof(ApprovalProbe).Assembly.Location, "3"];

    /// <summary>How long the probe's question was open, from its last line, which must report <paramref name="outcome"/>.</summary>
    private static double AskedFor(string output, string outcome)
    {
        var match = OutcomeLine().Match(output);
        Assert.IsTrue(match.Success, $"the probe did not report an outcome:\n{output}");
        Assert.AreEqual(outcome, match.Groups["outcome"].Value, output);
        return double.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"outcome: (?<outcome>\w+) after (?<seconds>[0-9.]+) s")]
    private static partial Regex OutcomeLine();
}
