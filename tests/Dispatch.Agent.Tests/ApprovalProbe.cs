using System.Diagnostics;
using System.Globalization;
using Dispatch.Agent.Cli;
using Dispatch.Engine.Safety;

namespace Dispatch.Agent.Tests;

/// <summary>
/// Test-only entry point of this assembly (<c>dotnet Dispatch.Agent.Tests.dll &lt;seconds&gt;</c>): asks one approval on
/// this process's own terminal, as <c>dispatch act</c> would, and prints the outcome, so that tests can run it in a real
/// pseudo-terminal or behind a pipe without a desktop.
/// </summary>
internal static class ApprovalProbe
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 1 || !double.TryParse(args[0], CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
        {
            await Console.Error.WriteLineAsync($"usage: Dispatch.Agent.Tests <seconds to answer>, not '{string.Join(' ', args)}'");
            return 2;
        }
        var timeout = TimeSpan.FromSeconds(seconds);
        var asked = Stopwatch.StartNew();
        var request = new ApprovalRequest(Guid.NewGuid(), "probe", "Click 'Yes' in 'Delete files'", "the dialog speaks of loss",
            """{"action":"left_click","coordinate":[640,400]}""", "zenity", "Delete files", [0x89, 0x50, 0x4E, 0x47], "fingerprint", DateTimeOffset.UtcNow + timeout);
        // Cancelled at the deadline as ApprovalGate's own token is.
        using var expiry = new CancellationTokenSource(timeout);
        var decision = await new ConsoleApprovalChannel().RequestAsync(request, expiry.Token);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"outcome: {decision.Outcome} after {asked.Elapsed.TotalSeconds:F3} s"));
        return 0;
    }
}
