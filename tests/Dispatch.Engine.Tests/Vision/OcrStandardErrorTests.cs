using Dispatch.Engine.Capture;
using Dispatch.Engine.Vision;
using OpenCvSharp;

namespace Dispatch.Engine.Tests.Vision;

[TestClass]
public sealed class OcrStandardErrorTests
{
    [TestMethod]
    [DoNotParallelize]
    public void Recognize_HeadingAndSmallText_WritesNothingToStderr()
    {
        // A heading over 48 pixels tall was read with Tesseract's page layout, which printed "Estimating resolution as …".
        using var image = new Mat(200, 900, MatType.CV_8UC4, Scalar.All(255));
        Cv2.PutText(image, "Quarterly", new OpenCvSharp.Point(20, 120), HersheyFonts.HersheySimplex, 2.0, Scalar.All(0), 3);
        Cv2.PutText(image, "small words here", new OpenCvSharp.Point(20, 170), HersheyFonts.HersheySimplex, 0.6, Scalar.All(0), 1);
        using var frame = FrameEncoder.Decode(image.ImEncode(".png"));
        string written;
        OcrResult result;
        using (var stderr = new StandardErrorCapture())
        {
            using var ocr = new OcrEngine(new OcrOptions { Parallelism = 1 });
            result = ocr.Recognize(frame);
            written = stderr.Stop();
        }

        Assert.AreEqual("", written, $"Tesseract wrote to stderr: {written}");
        CollectionAssert.IsSubsetOf(new[] { "small", "words", "here" }, result.Words.Select(w => w.Text).ToList(), result.ToString());
    }
}
