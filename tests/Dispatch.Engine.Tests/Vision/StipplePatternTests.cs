using Dispatch.Engine.Vision;
using OpenCvSharp;

namespace Dispatch.Engine.Tests.Vision;

[TestClass]
public sealed class StipplePatternTests
{
    [TestMethod]
    public void Flatten_StippledScrollBarTrough_BecomesPlainGray_AndTheTextBesideItIsKept()
    {
        using var image = new Mat(40, 60, MatType.CV_8UC1, Scalar.All(255));
        // A 14-pixel checkerboard trough, as Athena draws a scroll bar, and a solid "glyph" stroke beside it.
        for (var y = 0; y < 40; y++)
        {
            for (var x = 0; x < 14; x++)
            {
                image.Set(y, x, (byte)((x + y) % 2 == 0 ? 0 : 255));
            }
        }
        image[new Rect(20, 10, 2, 12)].SetTo(Scalar.All(0));

        var flattened = StipplePattern.Flatten(image);

        Assert.AreEqual(14 * 40, flattened, "every pixel of the trough, and nothing else");
        Cv2.MinMaxLoc(image[new Rect(0, 0, 14, 40)], out double darkest, out double lightest);
        Assert.IsLessThanOrEqualTo(1.0, lightest - darkest, $"the trough still varies from {darkest} to {lightest}");
        Assert.AreEqual(0, image.At<byte>(15, 20), "the stroke beside the trough");
    }

    [TestMethod]
    public void Flatten_BitmapFontStripes_AreGlyphsNotAPattern()
    {
        // A bitmap font's "m" is a few one-pixel stems two apart: stripes of period 2, but only a glyph's size.
        using var image = new Mat(20, 20, MatType.CV_8UC1, Scalar.All(255));
        foreach (var x in new[] { 5, 7, 9 })
        {
            image[new Rect(x, 6, 1, 7)].SetTo(Scalar.All(0));
        }
        image[new Rect(5, 6, 5, 1)].SetTo(Scalar.All(0));

        Assert.AreEqual(0, StipplePattern.Flatten(image));
    }
}
