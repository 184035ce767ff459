using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Vision;
using OpenCvSharp;
using Point = Dispatch.Engine.Geometry.Point;

namespace Dispatch.Desktop.Tests;

/// <summary>
/// Word accuracy of OCR on UI screenshots of several toolkits whose text is known (<see cref="OcrCorpusScenes"/>): on
/// the corpus kept in assets/ocr-corpus, and on the same scenes drawn afresh on a private desktop. Each prints a
/// table per toolkit and fails below 97 % of the words. <c>assets/ocr-corpus/regenerate.sh</c> runs the second with
/// <c>DISPATCH_OCR_CORPUS_OUT</c> set, which also writes its screenshots and truth there.
/// </summary>
[TestClass]
public sealed class OcrCorpusTests
{
    private const double Target = 0.97;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void StoredCorpus_EveryToolkit_ReadsAtLeast97PercentOfWords()
    {
        var truths = System.IO.Directory.GetFiles(OcrCorpusScenes.Directory, "*.json").Select(OcrCorpusTruth.Load).ToList();
        CollectionAssert.AreEquivalent(OcrCorpusScenes.All.Select(s => s.Name).ToList(), truths.Select(t => t.Name).ToList(),
            "the stored corpus is not the scenes' screenshots; run assets/ocr-corpus/regenerate.sh");
        using var ocr = new OcrEngine();
        var accuracy = new WordAccuracy();
        foreach (var truth in truths)
        {
            using var frame = FrameEncoder.Decode(File.ReadAllBytes(Path.Combine(OcrCorpusScenes.Directory, truth.Name + ".png")));
            accuracy.Add(truth.Name, truth.Toolkit, truth.Lines, ocr.Recognize(frame).Words.Select(w => w.Text));
        }
        TestContext.WriteLine(accuracy.ToString());
        Assert.IsGreaterThanOrEqualTo(Target, accuracy.Overall, accuracy.ToString());
    }

    [TestMethod]
    public async Task FreshScreens_EveryToolkit_ReadAtLeast97PercentOfWords()
    {
        using var desktop = await TestDesktop.StartAsync();
        var keep = Environment.GetEnvironmentVariable("DISPATCH_OCR_CORPUS_OUT");
        using var ocr = new OcrEngine();
        var accuracy = new WordAccuracy();
        foreach (var scene in OcrCorpusScenes.All)
        {
            var app = await desktop.LaunchAsync(scene.Start(desktop), scene.Window);
            // Athena and GTK highlight what is under the pointer; a screenshot shows the app at rest.
            desktop.Desktop.Input.MoveMouse(new Point(0, 0));
            await desktop.SettleAsync();
            var bounds = desktop.Desktop.Windows.Get(app.Window.Id)!.Bounds.Intersect(desktop.Desktop.Screen.Bounds);
            using var frame = desktop.Desktop.Screen.Capture(bounds);
            accuracy.Add(scene.Name, scene.Toolkit, scene.Truth, ocr.Recognize(frame).Words.Select(w => w.Text));
            foreach (var folder in new[] { desktop.PathOf("corpus"), keep }.OfType<string>())
            {
                System.IO.Directory.CreateDirectory(folder);
                Save(frame, Path.Combine(folder, scene.Name + ".png"));
                new OcrCorpusTruth(scene.Name, scene.Toolkit, scene.Truth).Save(Path.Combine(folder, scene.Name + ".json"));
            }
            app.Process.Kill(entireProcessTree: true);
            await app.Process.WaitForExitAsync(TestContext.CancellationToken);
        }
        TestContext.WriteLine(accuracy.ToString());
        Assert.IsGreaterThanOrEqualTo(Target, accuracy.Overall, accuracy.ToString());
    }

    /// <summary>Writes the frame as a PNG as small as PNG gets: the corpus is kept in the repository.</summary>
    private static void Save(Frame frame, string path)
    {
        using var pixels = frame.AsMat();
        using var bgr = new Mat();
        Cv2.CvtColor(pixels, bgr, ColorConversionCodes.BGRA2BGR);
        Cv2.ImWrite(path, bgr, new ImageEncodingParam(ImwriteFlags.PngCompression, 9));
    }
}
