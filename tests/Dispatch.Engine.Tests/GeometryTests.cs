using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Tests;

[TestClass]
public sealed class GeometryTests
{
    [TestMethod]
    public void Intersect_OverlappingRectangles_IsTheSharedArea()
    {
        Assert.AreEqual(new Rect(50, 60, 50, 40), new Rect(0, 0, 100, 100).Intersect(new Rect(50, 60, 200, 200)));
        Assert.IsTrue(new Rect(0, 0, 10, 10).Intersect(new Rect(10, 0, 5, 5)).IsEmpty, "touching edges share no pixel");
    }

    [TestMethod]
    public void Union_WithAnEmptyRectangle_IgnoresIt()
    {
        Assert.AreEqual(new Rect(5, 5, 2, 2), default(Rect).Union(new Rect(5, 5, 2, 2)));
        Assert.AreEqual(new Rect(0, 0, 30, 40), new Rect(0, 0, 10, 10).Union(new Rect(20, 30, 10, 10)));
    }

    [TestMethod]
    [DataRow("10,20,300,400")]
    [DataRow("10,20 300x400")]
    public void Parse_BothWrittenForms_GiveTheSameRectangle(string text) => Assert.AreEqual(new Rect(10, 20, 300, 400), Rect.Parse(text));

    [TestMethod]
    [DataRow("10,20,300", "four integers")]
    [DataRow("10,20,0,5", "not positive")]
    [DataRow("a,b,c,d", "four integers")]
    public void Parse_BadRectangle_ThrowsNamingTheText(string text, string expected)
    {
        var error = Assert.ThrowsExactly<FormatException>(() => Rect.Parse(text));
        StringAssert.Contains(error.Message, $"'{text}'");
        StringAssert.Contains(error.Message, expected);
    }

    [TestMethod]
    public void ParseSize_WidthByHeight_AndBadTextNamesIt()
    {
        Assert.AreEqual(new Size(1280, 800), Size.Parse("1280x800"));
        StringAssert.Contains(Assert.ThrowsExactly<FormatException>(() => Size.Parse("1280x0")).Message, "'1280x0'");
    }

    [TestMethod]
    public void Distance_BetweenPoints_IsStraightLine() => Assert.AreEqual(5.0, new Point(1, 1).DistanceTo(new Point(4, 5)));

    [TestMethod]
    public void ParsePoint_BadText_ThrowsNamingIt()
    {
        Assert.AreEqual(new Point(640, 400), Point.Parse("640, 400"));
        StringAssert.Contains(Assert.ThrowsExactly<FormatException>(() => Point.Parse("640")).Message, "'640'");
    }

    [TestMethod]
    [DataRow(1920, 1080, 1024, 768)]
    [DataRow(1920, 1080, 1280, 800)]
    [DataRow(1920, 1080, 1366, 768)]
    [DataRow(2560, 1440, 1366, 768)]
    [DataRow(1366, 768, 1366, 768)]
    [DataRow(1000, 999, 997, 3)]
    public void ScaleMapping_EveryImagePixel_RoundTripsThroughTheScreenExactly(int sourceWidth, int sourceHeight, int width, int height)
    {
        var source = new Rect(17, 9, sourceWidth, sourceHeight);
        var mapping = new ScaleMapping(source, new Size(width, height));
        for (var x = 0; x < width; x++)
        {
            var screen = mapping.ToScreen(new Point(x, 0));
            Assert.AreEqual(x, mapping.ToImage(screen).X, $"x {x} -> {screen.X}");
            Assert.IsTrue(source.Contains(screen));
        }
        for (var y = 0; y < height; y++)
        {
            var screen = mapping.ToScreen(new Point(0, y));
            Assert.AreEqual(y, mapping.ToImage(screen).Y, $"y {y} -> {screen.Y}");
        }
        Assert.AreEqual(source, mapping.ToScreen(new Rect(0, 0, width, height)));
    }

    [TestMethod]
    public void ScaleMapping_PointOutsideTheImage_ThrowsNamingIt()
    {
        var mapping = new ScaleMapping(new Rect(0, 0, 1920, 1080), new Size(1280, 720));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mapping.ToScreen(new Point(1280, 5))).Message, "1280x720");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ScaleMapping(new Rect(0, 0, 100, 100), new Size(200, 50)));
    }
}
