using Dispatch.Engine.Vision;
using OpenCvSharp;

namespace Dispatch.Engine.Tests.Vision;

[TestClass]
public sealed class LineInkTests
{
    [TestMethod]
    public void EvenOutBlocks_LightLetterInABlockCursor_BecomesDarkOnLightLikeTheRest()
    {
        using var line = Line();
        // A block cursor over the first letter: a black box the full line high, the letter drawn in white inside it.
        line[new Rect(4, 1, 14, 20)].SetTo(Scalar.All(0));
        Cv2.PutText(line, "D", new OpenCvSharp.Point(5, 17), HersheyFonts.HersheySimplex, 0.5, Scalar.All(255), 1);

        var changed = LineInk.EvenOutBlocks(line);

        Assert.AreEqual(1, changed);
        Assert.AreEqual(255, line.At<byte>(2, 5), "the cursor's corner is background now");
        using var box = line[new Rect(4, 1, 14, 20)];
        Assert.IsGreaterThan(128.0, Cv2.Mean(box).Val0, "the box is mostly light now, its letter dark");
    }

    [TestMethod]
    public void EvenOutBlocks_SolidBarBesideTheText_BecomesBackground_AndBoldGlyphsStay()
    {
        using var line = Line();
        line[new Rect(4, 0, 10, 22)].SetTo(Scalar.All(90));
        using var before = line[new Rect(20, 0, 100, 22)].Clone();

        var changed = LineInk.EvenOutBlocks(line);

        Assert.AreEqual(1, changed);
        Assert.AreEqual(255, line.At<byte>(10, 8), "the bar");
        using var after = line[new Rect(20, 0, 100, 22)];
        using var difference = new Mat();
        Cv2.Absdiff(before, after, difference);
        Assert.AreEqual(0, Cv2.CountNonZero(difference), "the bold text changed");
    }

    [TestMethod]
    public void EraseNonGlyphs_ShadedIconBesideTheLabel_IsErased_AndTheTextStays()
    {
        using var line = Line();
        // A round icon in mid-gray, as Qt draws beside "Yes".
        Cv2.Circle(line, new OpenCvSharp.Point(10, 11), 6, Scalar.All(170), -1);

        LineInk.EraseNonGlyphs(line);

        Assert.AreEqual(255, line.At<byte>(11, 10), "the icon");
        using var after = line[new Rect(20, 0, 100, 22)];
        Cv2.MinMaxLoc(after, out double darkest, out _);
        Assert.AreEqual(0.0, darkest, "the text is still there");
    }

    /// <summary>A 22-pixel line, white, with bold text "MEB Mark" from x 20.</summary>
    private static Mat Line()
    {
        var line = new Mat(22, 130, MatType.CV_8UC1, Scalar.All(255));
        Cv2.PutText(line, "MEB Mark", new OpenCvSharp.Point(22, 16), HersheyFonts.HersheySimplex, 0.5, Scalar.All(0), 2);
        return line;
    }
}
