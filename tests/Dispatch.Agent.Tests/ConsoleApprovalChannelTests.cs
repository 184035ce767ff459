using System.Runtime.Versioning;
using Dispatch.Agent.Cli;
using Dispatch.Engine.Safety;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Agent.Tests;

/// <summary>The console approval channel with a scripted terminal and a fake clock: who may answer, and until when.</summary>
[TestClass]
[SupportedOSPlatform("linux")]
public sealed class ConsoleApprovalChannelTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly UnixFileMode PrivateDirectory = PrivateFile | UnixFileMode.UserExecute;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.Zero));
    private readonly FakeTerminal _terminal = new();
    private string _state = null!;
    private string _approvals = null!;

    [TestInitialize]
    public void CreateStateDirectory()
    {
        _state = Directory.CreateTempSubdirectory("dispatch-approvals-").FullName;
        _approvals = Path.Combine(_state, "approvals");
    }

    [TestCleanup]
    public void RemoveStateDirectory() => Directory.Delete(_state, recursive: true);

    [TestMethod]
    public async Task InputFromAPipeIsUnreachableAtOnceWithoutReadingIt()
    {
        var pipe = new FakeTerminal { NotInteractiveBecause = "standard input is a pipe or file" };
        pipe.Type("y\r");

        var decision = await new ConsoleApprovalChannel(_time, pipe, _approvals).RequestAsync(Request(), CancellationToken.None);

        Assert.AreEqual(ApprovalOutcome.Unreachable, decision.Outcome);
        Assert.IsFalse(decision.IsApproved);
        Assert.AreEqual(2, pipe.Pending, "the piped answer must not be read");
        Assert.AreEqual(_time.GetUtcNow(), decision.At);
        Assert.AreEqual("dispatch: approval needs a person at an interactive terminal; standard input is a pipe or file, so 'Click 'Yes' in 'Delete files'' "
            + "is denied. Approve from a terminal, or from the phone once paired." + Environment.NewLine, pipe.Shown);
        Assert.IsFalse(Directory.Exists(_approvals), "nothing is written for a request nobody can see");
    }

    [TestMethod]
    [DataRow("y\r", ApprovalOutcome.Approved)]
    [DataRow("YES\r", ApprovalOutcome.Approved)]
    [DataRow(" Yes \r", ApprovalOutcome.Approved)]
    [DataRow("n\by\r", ApprovalOutcome.Approved)]
    [DataRow("n\r", ApprovalOutcome.Denied)]
    [DataRow("\r", ApprovalOutcome.Denied)]
    [DataRow("yep\r", ApprovalOutcome.Denied)]
    [DataRow("y\b\r", ApprovalOutcome.Denied)]
    [DataRow("y\x03", ApprovalOutcome.Denied)]
    public async Task OnlyYOrYesApproves(string typed, ApprovalOutcome expected)
    {
        var asking = Channel().RequestAsync(Request(), CancellationToken.None);
        _terminal.Type(typed);
        _time.Advance(ConsoleApprovalChannel.PollInterval);

        Assert.IsTrue(asking.IsCompleted, "the answer is taken at the next look at the keyboard");
        var decision = await asking;
        Assert.AreEqual(expected, decision.Outcome, _terminal.Shown);
        Assert.AreEqual(expected == ApprovalOutcome.Approved, decision.IsApproved);
        StringAssert.StartsWith(decision.By, $"console ({Environment.UserName})");
    }

    [TestMethod]
    public async Task NoAnswerTimesOutExactlyAtExpiry()
    {
        var request = Request();
        var asking = Channel().RequestAsync(request, CancellationToken.None);

        _time.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        Assert.IsFalse(asking.IsCompleted, "still asking a millisecond before the deadline");
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.IsTrue(asking.IsCompleted, "the deadline ends the question");
        var decision = await asking;
        Assert.AreEqual(ApprovalOutcome.TimedOut, decision.Outcome);
        Assert.AreEqual(request.Expires, decision.At);
        StringAssert.EndsWith(_terminal.Shown, $"means no) {Environment.NewLine}no answer in time: denied{Environment.NewLine}");
    }

    [TestMethod]
    public async Task KeysTypedBeforeTheQuestionAreNotAnAnswer()
    {
        _terminal.Type("y\r");
        var asking = Channel().RequestAsync(Request(), CancellationToken.None);

        _time.Advance(ConsoleApprovalChannel.PollInterval);
        Assert.IsFalse(asking.IsCompleted, "type-ahead must not answer");
        Assert.AreEqual(0, _terminal.Pending);
        StringAssert.EndsWith(_terminal.Shown, "means no) ", "type-ahead is not echoed after the question either");
        _time.Advance(Timeout);

        Assert.AreEqual(ApprovalOutcome.TimedOut, (await asking).Outcome);
    }

    [TestMethod]
    public async Task AnAnswerFirstSeenAtTheDeadlineIsLateNotApproved()
    {
        var asking = Channel().RequestAsync(Request(), CancellationToken.None);
        _time.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        _terminal.Type("y\r");
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var decision = await asking;
        Assert.AreEqual(ApprovalOutcome.Late, decision.Outcome, "an answer completed in the last look-up interval cannot be shown to be in time");
        Assert.IsFalse(decision.IsApproved);
        StringAssert.EndsWith(_terminal.Shown, $"y{Environment.NewLine}answered after 09:27:23: refused{Environment.NewLine}");
    }

    [TestMethod]
    public async Task AnAnswerAfterTheDeadlineIsNotRead()
    {
        var asking = Channel().RequestAsync(Request(), CancellationToken.None);
        _time.Advance(Timeout);
        _terminal.Type("y\r");
        _time.Advance(ConsoleApprovalChannel.PollInterval);

        Assert.AreEqual(ApprovalOutcome.TimedOut, (await asking).Outcome);
        Assert.AreEqual(2, _terminal.Pending);
    }

    [TestMethod]
    public async Task TheScreenshotIsPrivateWhileAskingAndRemovedOnceAnswered()
    {
        var request = Request();
        var asking = Channel().RequestAsync(request, CancellationToken.None);
        var screenshot = Path.Combine(_approvals, $"{request.Id:N}.png");

        StringAssert.Contains(_terminal.Shown, $"  target highlighted in: {screenshot}{Environment.NewLine}");
        CollectionAssert.AreEqual(request.Screenshot, await File.ReadAllBytesAsync(screenshot));
        Assert.AreEqual(PrivateFile, File.GetUnixFileMode(screenshot));
        Assert.AreEqual(PrivateDirectory, File.GetUnixFileMode(_approvals));
        _terminal.Type("y\r");
        _time.Advance(ConsoleApprovalChannel.PollInterval);

        Assert.AreEqual(ApprovalOutcome.Approved, (await asking).Outcome);
        Assert.IsFalse(File.Exists(screenshot));
    }

    [TestMethod]
    public async Task TheScreenshotIsRemovedWhenTheRequestTimesOutOrIsCancelled()
    {
        var timingOut = Channel().RequestAsync(Request(), CancellationToken.None);
        _time.Advance(Timeout);
        Assert.AreEqual(ApprovalOutcome.TimedOut, (await timingOut).Outcome);
        using var stop = new CancellationTokenSource();
        var cancelled = Channel().RequestAsync(Request(), stop.Token);
        Assert.HasCount(1, Directory.GetFiles(_approvals));

        await stop.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() => cancelled);
        Assert.IsEmpty(Directory.GetFiles(_approvals));
    }

    [TestMethod]
    public async Task AnApprovalsFolderOthersCanReadIsMadePrivateBeforeUse()
    {
        Directory.CreateDirectory(_approvals);
        File.SetUnixFileMode(_approvals, PrivateDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var asking = Channel().RequestAsync(Request(), CancellationToken.None);

        Assert.AreEqual(PrivateDirectory, File.GetUnixFileMode(_approvals));
        _time.Advance(Timeout);
        Assert.AreEqual(ApprovalOutcome.TimedOut, (await asking).Outcome);
    }

    [TestMethod]
    public async Task ThePromptShowsTheSentenceReasonWindowScreenshotAndDeadline()
    {
        var request = Request();
        var asking = Channel().RequestAsync(request, CancellationToken.None);
        _time.Advance(Timeout);
        await asking;

        var n = Environment.NewLine;
        Assert.AreEqual($"Held for approval: Click 'Yes' in 'Delete files'{n}"
            + $"  why: the dialog speaks of loss{n}"
            + $"  app: zenity, window: Delete files{n}"
            + $"  target highlighted in: {Path.Combine(_approvals, $"{request.Id:N}.png")}{n}"
            + $"Approve? [y/N] (no answer by 09:27:23 means no) {n}no answer in time: denied{n}", _terminal.Shown);
    }

    private ConsoleApprovalChannel Channel() => new(_time, _terminal, _approvals);

    private ApprovalRequest Request() => new(Guid.NewGuid(), "test", "Click 'Yes' in 'Delete files'", "the dialog speaks of loss",
        """{"action":"left_click","coordinate":[640,400]}""", "zenity", "Delete files", [0x89, 0x50, 0x4E, 0x47], "fingerprint", _time.GetUtcNow() + Timeout);
}
