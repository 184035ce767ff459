using BenchmarkDotNet.Attributes;
using Dispatch.Engine;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Vision;
using OpenCvSharp;
using Rect = Dispatch.Engine.Geometry.Rect;

namespace Dispatch.Bench;

/// <summary>
/// Perception on a desktop with gnome-calculator and an xterm of text: an accessibility snapshot of the
/// calculator, OCR of one line, one word, the whole screen (cold) and the whole screen again (cached), and finding
/// an 80×30 button image on the full screen against a plain full-resolution grayscale search.
/// </summary>
[BenchmarkCategory("Perception")]
public class PerceptionBenchmarks
{
    private Desktop _desktop = null!;
    private OcrEngine _ocr = null!;
    private Frame _screen = null!;
    private Mat _button = null!;
    private Mat _screenGray = null!;
    private int _calculator;
    private Rect _line;
    private Rect _word;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _desktop = BenchDesktop.Virtual.Open();
        _calculator = await BenchDesktop.StartCalculatorAsync(_desktop);
        var terminal = await BenchDesktop.StartTerminalAsync(_desktop, "100x30+700+100");
        _ocr = new OcrEngine();
        _screen = _desktop.Screen.Capture().Clone();
        // The terminal's first lines: one line of `ls -la` output, and its first word.
        var read = _ocr.Recognize(_screen, terminal.Window.Bounds);
        _line = read.Lines[1].Bounds.Inflate(2);
        _word = read.Lines[1].Words[0].Bounds.Inflate(2);
        var equals = (await _desktop.Accessibility.SnapshotAsync(UiScope.Process(_calculator))).Nodes
            .First(n => n.Role == UiRole.Button && n.Bounds is { Width: >= 50, Height: >= 30 }).Bounds!.Value;
        _button = new Mat();
        using (var whole = _screen.AsMat())
        using (var crop = new Mat(whole, new OpenCvSharp.Rect(equals.X, equals.Y, 80, 30)))
        {
            Cv2.CvtColor(crop, _button, ColorConversionCodes.BGRA2GRAY);
        }
        _screenGray = new Mat();
        using (var whole = _screen.AsMat())
        {
            Cv2.CvtColor(whole, _screenGray, ColorConversionCodes.BGRA2GRAY);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _button.Dispose();
        _screenGray.Dispose();
        _screen.Dispose();
        _ocr.Dispose();
        BenchDesktop.CloseApps();
        _desktop.Dispose();
    }

    [Benchmark(Description = "accessibility snapshot, gnome-calculator")]
    public async Task<int> AccessibilitySnapshot() => (await _desktop.Accessibility.SnapshotAsync(UiScope.Process(_calculator))).NodeCount;

    [Benchmark(Description = "OCR one line")]
    public int OcrLine()
    {
        _ocr.ClearCache();
        return _ocr.Recognize(_screen, _line).Lines.Count;
    }

    [Benchmark(Description = "OCR one word")]
    public int OcrWord()
    {
        _ocr.ClearCache();
        return _ocr.Recognize(_screen, _word).Lines.Count;
    }

    [Benchmark(Description = "OCR full 1080p screen, cold")]
    public int OcrScreen()
    {
        _ocr.ClearCache();
        return _ocr.Recognize(_screen).Lines.Count;
    }

    [Benchmark(Description = "OCR full 1080p screen, unchanged (cache)")]
    public int OcrScreenCached() => _ocr.Recognize(_screen).Lines.Count;

    [Benchmark(Description = "template 80x30, plain grayscale matchTemplate")]
    public double TemplatePlain()
    {
        using var result = new Mat();
        Cv2.MatchTemplate(_screenGray, _button, result, TemplateMatchModes.CCoeffNormed);
        Cv2.MinMaxLoc(result, out _, out double max);
        return max;
    }

    [Benchmark(Description = "template 80x30, coarse-to-fine")]
    public double TemplateCoarseToFine() => TemplateMatcher.Find(_screen, _button)[0].Score;
}
