using BenchmarkDotNet.Attributes;
using Dispatch.Engine;
using Dispatch.Engine.Accessibility;

namespace Dispatch.Bench;

/// <summary>
/// An accessibility snapshot of one application — gnome-calculator (GTK 4, ~100 elements) and a 1,000-row
/// <c>zenity --list</c> (GTK 3) — by the engine's D-Bus client, against libatspi walking node by node (what the engine
/// did before) as the baseline, in the same run.
/// </summary>
[BenchmarkCategory("Accessibility")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class AccessibilityBenchmarks
{
    private Desktop _desktop = null!;
    private int _app;

    /// <summary>What is snapshotted.</summary>
    public enum Scene
    {
        Calculator,
        List1000,
    }

    [Params(Scene.Calculator, Scene.List1000)]
    public Scene App { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _desktop = BenchDesktop.Virtual.Open();
        _app = App == Scene.Calculator ? await BenchDesktop.StartCalculatorAsync(_desktop) : await StartListAsync();
        LibAtspiBaseline.Init(BenchDesktop.Virtual.DisplayName);
        // Both read the same tree: a baseline that read less would flatter it.
        var dbus = await DBus();
        var libatspi = LibAtspi();
        if (Math.Abs(dbus - libatspi) > dbus / 20)
        {
            throw new InvalidOperationException($"The D-Bus snapshot read {dbus} elements, libatspi {libatspi}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        BenchDesktop.CloseApps();
        _desktop.Dispose();
    }

    [Benchmark(Baseline = true, Description = "libatspi, node by node")]
    public int LibAtspi() => LibAtspiBaseline.Snapshot(_app);

    [Benchmark(Description = "D-Bus: cache + levels in flight")]
    public async Task<int> DBus() => (await _desktop.Accessibility.SnapshotAsync(UiScope.Process(_app))).NodeCount;

    private async Task<int> StartListAsync()
    {
        var arguments = new List<string> { "--list", "--title=Thousand rows", "--width=600", "--height=800", "--column=Item", "--column=Amount" };
        for (var i = 1; i <= 1000; i++)
        {
            arguments.Add($"Item {i}");
            arguments.Add($"{i * 7 % 1000}.00");
        }
        var list = await BenchDesktop.LaunchAsync(_desktop, BenchDesktop.Virtual.CreateStartInfo("zenity", [.. arguments]), w => w.Title == "Thousand rows");
        await _desktop.Accessibility.WaitForAsync(UiScope.Process(list.Process.Id), TimeSpan.FromSeconds(30));
        await _desktop.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));
        return list.Process.Id;
    }
}
