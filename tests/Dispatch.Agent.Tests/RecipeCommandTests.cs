using Dispatch.Agent.Host;

namespace Dispatch.Agent.Tests;

/// <summary>
/// <c>dispatch recipe run</c> and <c>check</c>, in-process and through the display's host: the xcalc sample runs green by
/// vision, a step that must be approved is held when nobody can be asked (exit 3), a bad recipe is refused with its line.
/// </summary>
[TestClass]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RecipeCommandTests
{
    private static CliDesktop s_cli = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_cli = await CliDesktop.StartAsync("recipe");

    [ClassCleanup]
    public static void Stop() => s_cli?.Dispose();

    public TestContext TestContext { get; set; } = null!;

    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "recipes", name);

    /// <summary>
    /// Closes the xcalcs a recipe launched on this test's display: the recipe leaves its apps running for the person, and
    /// xcalc sets no _NET_WM_PID, so they are found by name and by the display in their environment.
    /// </summary>
    [TestCleanup]
    public void CloseXcalc()
    {
        foreach (var process in System.Diagnostics.Process.GetProcessesByName("xcalc"))
        {
            using (process)
            {
                string environment;
                try
                {
                    environment = File.ReadAllText($"/proc/{process.Id}/environ");
                }
                catch (IOException)
                {
                    continue;
                }
                if (environment.Split('\0').Contains($"DISPLAY={s_cli.Virtual.DisplayName}"))
                {
                    process.Kill();
                    process.WaitForExit(5000);
                }
            }
        }
    }

    [TestMethod]
    public async Task Run_XcalcSampleDirect_PrintsTheResultAndExitsZero()
    {
        var run = await s_cli.DispatchAsync("--direct", "recipe", "run", Sample("xcalc.yaml"), "--param", "expected=84");

        Assert.AreEqual(0, run.Status, run.Error);
        StringAssert.Contains(run.Output, "result = 84");
        StringAssert.Contains(run.Output, "all 9 steps done");
    }

    [TestMethod]
    public async Task Run_AStepThatMustBeApproved_ThroughTheHostWithNobodyToAsk_IsHeldAndExitsThree()
    {
        var recipe = await ApprovingCopyAsync("approve.yaml");
        await using var host = await DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken);

        // This test process has no terminal, so nobody can be asked: the host refuses the step as unreachable.
        var run = await s_cli.DispatchAsync("recipe", "run", recipe);

        Assert.AreEqual(3, run.Status, run.Output + run.Error);
        StringAssert.Contains(run.Error, "approve.yaml:16:5) held and not approved");
        StringAssert.Contains(run.Error, "unreachable");
        var journal = await File.ReadAllTextAsync(host.Record.Journal, TestContext.CancellationToken);
        StringAssert.Contains(journal, "recipe Multiply in xcalc by vision");
    }

    [TestMethod]
    public async Task Run_ThroughTheHost_AsksOnTheClientsTerminal_AndItsYesLetsTheRecipeFinish()
    {
        var recipe = await ApprovingCopyAsync("approved.yaml");
        await using var host = await DispatchHost.StartAsync(s_cli.Virtual.DisplayName, isVirtual: false, TestContext.CancellationToken);

        var (status, output) = await s_cli.DispatchInTerminalAsync("y", TestContext.CancellationToken, "recipe", "run", recipe);

        Assert.AreEqual(0, status, output);
        StringAssert.Contains(output, "Held for approval: Click the text");
        StringAssert.Contains(output, "result = 84");
        StringAssert.Contains(output, $"journal: {host.Record.Journal}");
    }

    [TestMethod]
    public async Task Run_DryRunOnAnOpenXcalc_JournalsTheClicksWithoutPressingAnything()
    {
        var xcalc = await s_cli.Engine.Windows.LaunchAsync(s_cli.Virtual.CreateStartInfo("xcalc"), TimeSpan.FromSeconds(30), w => w.ClassName == "XCalc",
            TestContext.CancellationToken);
        s_cli.Track(xcalc.Process);
        // Athena highlights the button under the pointer, and a dry run's clicks never move it away: start it in a corner.
        s_cli.Engine.Input.MoveMouse(new Engine.Geometry.Point(0, 0));
        await s_cli.Engine.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        var journal = Path.Combine(s_cli.Work, "dry-run.jsonl");

        var run = await s_cli.DispatchAsync("--direct", "recipe", "run", Sample("xcalc.yaml"), "--dry-run", "--journal", journal);

        Assert.AreEqual(0, run.Status, run.Output + run.Error);
        var lines = await File.ReadAllLinesAsync(journal, TestContext.CancellationToken);
        Assert.AreEqual(5, lines.Count(l => l.Contains("\"dry_run\"", StringComparison.Ordinal)), string.Join('\n', lines));
        Assert.IsFalse(lines.Any(l => l.Contains("\"changed\"", StringComparison.Ordinal)), "a dry run acted");
    }

    /// <summary>The xcalc sample, in the test's folder, with <c>approve: required</c> on its click of 7.</summary>
    private async Task<string> ApprovingCopyAsync(string name)
    {
        var recipe = Path.Combine(s_cli.Work, name);
        var text = (await File.ReadAllTextAsync(Sample("xcalc.yaml"), TestContext.CancellationToken))
            .Replace("{recipe_dir}", Path.GetDirectoryName(Sample("xcalc.yaml")), StringComparison.Ordinal)
            .Replace("  - click: text=\"7\" in window \"Calculator\"\n", "  - click: text=\"7\" in window \"Calculator\"\n    approve: required\n", StringComparison.Ordinal);
        await File.WriteAllTextAsync(recipe, text, TestContext.CancellationToken);
        return recipe;
    }

    [TestMethod]
    public async Task Check_AnUnknownStepKind_ExitsOneNamingItsLineAndColumn()
    {
        var recipe = Path.Combine(s_cli.Work, "bad.yaml");
        await File.WriteAllTextAsync(recipe, "version: 1\nname: x\nsteps:\n  - click: text=\"OK\"\n  - tap: text=\"Cancel\"\n", TestContext.CancellationToken);

        var check = await s_cli.DispatchAsync("recipe", "check", recipe);
        var good = await s_cli.DispatchAsync("recipe", "check", Sample("note.yaml"));

        Assert.AreEqual(1, check.Status);
        StringAssert.StartsWith(check.Error, $"dispatch: {recipe}:5:5: 'tap': is not a step kind; expected one of: launch,");
        Assert.AreEqual(0, good.Status, good.Error);
        StringAssert.Contains(good.Output, "--param name=<string>  required");
    }
}
