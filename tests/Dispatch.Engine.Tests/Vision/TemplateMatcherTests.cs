using Dispatch.Engine.Capture;
using Dispatch.Engine.Vision;
using OpenCvSharp;

namespace Dispatch.Engine.Tests.Vision;

[TestClass]
public sealed class TemplateMatcherTests
{
    [TestMethod]
    public void Find_FlatTemplate_IsRefusedNamingItsDetailAndTheThresholds()
    {
        using var screen = Screen(out _);
        using var flat = new Mat(30, 40, MatType.CV_8UC1, Scalar.All(214));

        var error = Assert.ThrowsExactly<DispatchException>(() => TemplateMatcher.Find(screen, flat));

        StringAssert.Contains(error.Message, "40×30");
        StringAssert.Contains(error.Message, "gray-level standard deviation 0.0 (at least 10 needed)");
        StringAssert.Contains(error.Message, "edges on 0.0 % of its pixels");
        StringAssert.Contains(error.Message, "at least 3 % needed");
    }

    [TestMethod]
    public void LoadTemplate_FaintGradient_IsRefusedNamingTheFile()
    {
        using var gradient = new Mat(35, 37, MatType.CV_8UC1);
        for (var x = 0; x < 37; x++)
        {
            gradient[new Rect(x, 0, 1, 35)].SetTo(Scalar.All(180 + x));
        }
        var path = Path.Combine(Path.GetTempPath(), $"dispatch-gradient-{Environment.ProcessId}.png");
        Cv2.ImWrite(path, gradient);
        try
        {
            var error = Assert.ThrowsExactly<DispatchException>(() => TemplateMatcher.LoadTemplate(path));

            StringAssert.Contains(error.Message, path);
            StringAssert.Contains(error.Message, "too little detail");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Find_MoreMatchesThanShown_SaysHowManyThereWere()
    {
        using var screen = Screen(out var icon);

        var found = TemplateMatcher.Find(screen, icon, new TemplateOptions { MaxMatches = 3 });

        Assert.HasCount(3, found);
        Assert.AreEqual(12, found.Total);
        Assert.AreEqual("3 of 12 matches shown", found.ToString());
    }

    [TestMethod]
    public void Find_SmallIconOffTheCoarseGrid_IsFoundAtItsOwnSpot()
    {
        using var screen = Screen(out var icon);
        for (var dx = 0; dx < 4; dx++)
        {
            using var one = Screen(out _, copies: 0, iconAt: new OpenCvSharp.Point(401 + dx, 203 + dx));

            var found = TemplateMatcher.Find(one, icon);

            Assert.HasCount(1, found, $"icon at x {401 + dx}");
            Assert.AreEqual(new Geometry.Rect(401 + dx, 203 + dx, icon.Width, icon.Height), found[0].Bounds);
        }
    }

    /// <summary>A light 800×600 screen with text, a 37×35 icon and <paramref name="copies"/> copies of it in a row.</summary>
    private static Frame Screen(out Mat icon, int copies = 12, OpenCvSharp.Point? iconAt = null)
    {
        icon = new Mat(35, 37, MatType.CV_8UC1, Scalar.All(235));
        Cv2.Rectangle(icon, new Rect(1, 1, 35, 33), Scalar.All(120), 1);
        Cv2.PutText(icon, "S", new OpenCvSharp.Point(11, 26), HersheyFonts.HersheySimplex, 0.8, Scalar.All(20), 2);
        Cv2.Line(icon, new OpenCvSharp.Point(6, 6), new OpenCvSharp.Point(30, 8), Scalar.All(60), 1);
        using var screen = new Mat(600, 800, MatType.CV_8UC1, Scalar.All(235));
        Cv2.PutText(screen, "File Edit View Help", new OpenCvSharp.Point(10, 30), HersheyFonts.HersheySimplex, 0.6, Scalar.All(30), 1);
        for (var i = 0; i < copies; i++)
        {
            icon.CopyTo(screen[new Rect(20 + i * 45, 60, icon.Width, icon.Height)]);
        }
        if (iconAt is { } at)
        {
            icon.CopyTo(screen[new Rect(at.X, at.Y, icon.Width, icon.Height)]);
        }
        return FrameEncoder.Decode(screen.ImEncode(".png"));
    }
}
