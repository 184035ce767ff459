using System.Text;
using Dispatch.Engine;
using Dispatch.Engine.Safety;

namespace Dispatch.Agent.Cli;

/// <summary>
/// Asks on the terminal that started <c>dispatch act</c> (not on the desktop being driven): shows the sentence, the
/// reason, the app and window and where the highlighted screenshot is, and takes y or n until the request expires.
/// Only a person at an interactive terminal can answer: with input from a pipe or file nobody is asked and the action
/// is refused as <see cref="ApprovalOutcome.Unreachable"/>, since a program could otherwise approve what it wants.
/// </summary>
internal sealed class ConsoleApprovalChannel : IApprovalChannel
{
    /// <summary>How often keys are looked for: quick enough to feel immediate to a person, rare enough to cost nothing.</summary>
    internal static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(40);

    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly TimeProvider _time;
    private readonly ITerminal _terminal;
    private readonly string? _approvals;

    /// <summary>Creates a channel that asks on <paramref name="terminal"/> (default: this process's console).</summary>
    /// <param name="time">The clock deadlines are kept by (default: the system clock).</param>
    /// <param name="terminal">Where the person answers.</param>
    /// <param name="approvalsDirectory">
    /// Where screenshots are kept while a request waits (default: <c>approvals/</c> in the <see cref="StateDirectory"/>).
    /// </param>
    public ConsoleApprovalChannel(TimeProvider? time = null, ITerminal? terminal = null, string? approvalsDirectory = null)
    {
        _time = time ?? TimeProvider.System;
        _terminal = terminal ?? SystemTerminal.Instance;
        _approvals = approvalsDirectory;
    }

    /// <summary>
    /// Asks once and returns the answer: y or yes (any case) approves; anything else, Ctrl+C, no answer by
    /// <see cref="ApprovalRequest.Expires"/> or an answer only seen after it is a no. The screenshot exists only while asking.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the request expired.</exception>
    public async Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_terminal.NotInteractiveBecause is { } why)
        {
            _terminal.Write($"dispatch: approval needs a person at an interactive terminal; {why}, so '{request.Sentence}' is denied. "
                + $"Approve from a terminal, or from the phone once paired.{Environment.NewLine}");
            return Decide(ApprovalOutcome.Unreachable, $"console: {why}");
        }
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The console approval channel keeps screenshots with Unix file modes; on Windows, approve from the phone.");
        }
        var directory = Directory.CreateDirectory(_approvals ?? Path.Combine(StateDirectory.ForCurrentUser, "approvals"),
            PrivateDirectory);
        // A folder that already existed may let other users list it, and the names say when something was held.
        if ((directory.UnixFileMode & ~PrivateDirectory) != 0)
        {
            directory.UnixFileMode = PrivateDirectory;
        }
        var screenshot = Path.Combine(directory.FullName, $"{request.Id:N}.png");
        try
        {
            // Created private rather than made private after writing: the screen may show mail, passwords, bank pages.
            // Written at once (a few hundred KiB), so the question is on screen before this method first waits.
            using (var file = new FileStream(screenshot, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFile }))
            {
                file.Write(request.Screenshot);
            }
            // Keys typed before the question was on screen (type-ahead, an earlier paste) answer nothing.
            while (_terminal.KeyAvailable)
            {
                _terminal.ReadKey();
            }
            var deadline = $"{TimeZoneInfo.ConvertTime(request.Expires, _time.LocalTimeZone):HH:mm:ss}";
            _terminal.Write($"Held for approval: {request.Sentence}{Environment.NewLine}"
                + $"  why: {request.Reason}{Environment.NewLine}"
                + $"  app: {request.Application ?? "?"}, window: {request.WindowTitle ?? "?"}{Environment.NewLine}"
                + $"  target highlighted in: {screenshot}{Environment.NewLine}"
                + $"Approve? [y/N] (no answer by {deadline} means no) ");
            return await ReadAnswerAsync(request.Expires, deadline, cancellationToken);
        }
        finally
        {
            File.Delete(screenshot);
        }
    }

    private async Task<ApprovalDecision> ReadAnswerAsync(DateTimeOffset expires, string deadline, CancellationToken cancellationToken)
    {
        var person = $"console ({Environment.UserName})";
        var line = new StringBuilder();
        while (true)
        {
            string? answer = null;
            while (answer is null && _terminal.KeyAvailable)
            {
                var key = _terminal.ReadKey();
                if (key.Key == ConsoleKey.Enter || key.KeyChar is '\n' or '\r')
                {
                    answer = line.ToString();
                    Echo(Environment.NewLine);
                }
                // On a terminal Ctrl+C is normally a signal that cancels the whole command; read as a key, it is a no.
                else if (key.KeyChar == '\x03' || (key.Key == ConsoleKey.C && key.Modifiers.HasFlag(ConsoleModifiers.Control)))
                {
                    _terminal.Write($"^C{Environment.NewLine}denied{Environment.NewLine}");
                    return Decide(ApprovalOutcome.Denied, $"{person}, Ctrl+C");
                }
                else if (key.Key == ConsoleKey.Backspace)
                {
                    if (line.Length > 0)
                    {
                        line.Length--;
                        Echo("\b \b");
                    }
                }
                else if (!char.IsControl(key.KeyChar) && key.KeyChar != '\0')
                {
                    line.Append(key.KeyChar);
                    Echo(key.KeyChar.ToString());
                }
            }
            // Checked after reading: keys found at the deadline may have been typed after it, so they do not count.
            var now = _time.GetUtcNow();
            if (now >= expires)
            {
                if (answer is null)
                {
                    _terminal.Write($"{Environment.NewLine}no answer in time: denied{Environment.NewLine}");
                    return Decide(ApprovalOutcome.TimedOut, "timeout");
                }
                _terminal.Write($"answered after {deadline}: refused{Environment.NewLine}");
                return Decide(ApprovalOutcome.Late, $"{person}, too late");
            }
            if (answer is not null)
            {
                return Decide(IsYes(answer) ? ApprovalOutcome.Approved : ApprovalOutcome.Denied, person);
            }
            var remaining = expires - now;
            try
            {
                await Task.Delay(remaining < PollInterval ? remaining : PollInterval, _time, cancellationToken);
            }
            catch (OperationCanceledException) when (_time.GetUtcNow() >= expires)
            {
                // The caller's own expiry fired first: the next turn reports the deadline like any other.
            }
            catch (OperationCanceledException)
            {
                // Ends the prompt's line, so whatever the caller prints next starts on its own.
                _terminal.Write(Environment.NewLine);
                throw;
            }
        }
    }

    private void Echo(string text)
    {
        if (!_terminal.EchoesInput)
        {
            _terminal.Write(text);
        }
    }

    private static bool IsYes(string answer) => answer.Trim().ToUpperInvariant() is "Y" or "YES";

    private ApprovalDecision Decide(ApprovalOutcome outcome, string by) => new(outcome, by, _time.GetUtcNow());
}
