using BenchmarkDotNet.Attributes;
using Dispatch.Engine;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Vision;

namespace Dispatch.Bench;

/// <summary>
/// Engine overhead of one step, planner excluded: a click that opens mousepad's File menu is executed, the screen
/// settles, and the observation is encoded for a model (1366×768); then Escape closes the menu the same way.
/// The computer-use reference implementation sleeps 2 s after every action instead.
/// </summary>
[BenchmarkCategory("Step")]
public class StepBenchmarks
{
    private Desktop _desktop = null!;
    private OcrEngine _ocr = null!;
    private ActionExecutor _executor = null!;
    private ScaleMapping _mapping = null!;
    private Point _file;

    /// <summary>How long the screen must be still to count as settled.</summary>
    [Params(20, 100)]
    public int QuietMilliseconds { get; set; }

    [Params(ImageFormat.Png, ImageFormat.Jpeg)]
    public ImageFormat Encoding { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _desktop = BenchDesktop.Virtual.Open();
        var editor = await BenchDesktop.LaunchAsync(_desktop, BenchDesktop.Virtual.CreateStartInfo("mousepad", "--disable-server"), w => w.ClassName == "Mousepad");
        _desktop.Windows.Activate(editor.Window.Id);
        await _desktop.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));
        _ocr = new OcrEngine();
        var finder = new ElementFinder(_desktop, _ocr);
        _file = (await finder.FindAsync("text=\"File\" via=ocr in window \"Mousepad\"")).Bounds.Center;
        _executor = new ActionExecutor(_desktop) { QuietPeriod = TimeSpan.FromMilliseconds(QuietMilliseconds) };
        _mapping = ModelScreen.For(_desktop.Screen.Bounds);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ocr.Dispose();
        BenchDesktop.CloseApps();
        _desktop.Dispose();
    }

    [Benchmark(Description = "click opening a menu + Escape, settled and encoded", OperationsPerInvoke = 2)]
    public async Task<int> OpenAndCloseMenu()
    {
        var bytes = 0;
        foreach (var action in new[] { new ComputerAction(ActionKind.LeftClick) { Coordinate = _file }, new ComputerAction(ActionKind.Key) { Text = "Escape" } })
        {
            using var step = new ResolvedStep { Action = action, Point = action.Coordinate };
            using var result = await _executor.ExecuteAsync(step);
            var observation = result.Observation;
            if (observation.Effect != ActionEffect.Changed)
            {
                throw new InvalidOperationException($"{action} changed nothing on screen");
            }
            bytes += observation.ForModel(_mapping, Encoding).Bytes.Length;
        }
        return bytes;
    }
}
