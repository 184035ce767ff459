using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Tests;

[TestClass]
public sealed class FrameDiffTests
{
    private static Frame Noise(Rect bounds, int seed)
    {
        var frame = Frame.Create(bounds);
        var random = new Random(seed);
        for (var y = 0; y < frame.Height; y++)
        {
            random.NextBytes(frame.Row(y));
        }
        return frame;
    }

    [TestMethod]
    public void Compare_IdenticalFrames_FindsNothing()
    {
        using var a = Noise(new Rect(0, 0, 1920, 1080), 1);
        using var b = a.Clone();
        Assert.AreSame(FrameDifference.None, FrameDiff.Compare(a, b));
    }

    [TestMethod]
    public void Compare_OnePixelChanged_ReportsExactlyThatPixel()
    {
        using var a = Noise(new Rect(0, 0, 640, 480), 2);
        using var b = a.Clone();
        b.Row(300)[123 * 4 + 1] ^= 0xFF;
        var difference = FrameDiff.Compare(a, b);
        CollectionAssert.AreEqual(new[] { new Rect(123, 300, 1, 1) }, difference.Changed.ToArray());
        Assert.AreEqual(1, difference.DirtyTiles);
    }

    [TestMethod]
    public void Compare_AChangeAcrossTileEdges_IsOneExactRectangle()
    {
        using var a = Noise(new Rect(0, 0, 640, 480), 3);
        using var b = a.Clone();
        b.Fill(new Rect(60, 60, 80, 10), 0x123456);
        var difference = FrameDiff.Compare(a, b);
        Assert.AreEqual(1, difference.Changed.Count, string.Join("; ", difference.Changed));
        Assert.AreEqual(new Rect(60, 60, 80, 10), difference.Changed[0]);
        Assert.AreEqual(6, difference.DirtyTiles);
    }

    [TestMethod]
    public void Compare_TwoDistantChanges_AreTwoRectangles()
    {
        using var a = Frame.Create(new Rect(0, 0, 1000, 800));
        using var b = a.Clone();
        b.Fill(new Rect(10, 10, 30, 20), 0xFF0000);
        b.Fill(new Rect(700, 500, 100, 200), 0x00FF00);
        var changed = FrameDiff.Compare(a, b).Changed;
        CollectionAssert.AreEqual(new[] { new Rect(10, 10, 30, 20), new Rect(700, 500, 100, 200) }, changed.ToArray());
    }

    [TestMethod]
    public void Compare_FramesOfDifferentAreas_ComparesWhatTheyShareInScreenCoordinates()
    {
        using var full = Frame.Create(new Rect(0, 0, 400, 400));
        using var region = Frame.Create(new Rect(100, 150, 200, 100));
        region.Fill(new Rect(50, 20, 5, 5), 0xFFFFFF); // frame coordinates: screen 150,170
        var difference = FrameDiff.Compare(full, region);
        CollectionAssert.AreEqual(new[] { new Rect(150, 170, 5, 5) }, difference.Changed.ToArray());
        Assert.IsFalse(FrameDiff.Compare(full, region, area: new Rect(0, 0, 140, 400)).HasChanges);
    }

    [TestMethod]
    public void Compare_ChangesInEveryTile_MergeIntoOneRectangle()
    {
        using var a = Noise(new Rect(0, 0, 300, 200), 4);
        using var b = Noise(new Rect(0, 0, 300, 200), 5);
        CollectionAssert.AreEqual(new[] { new Rect(0, 0, 300, 200) }, FrameDiff.Compare(a, b).Changed.ToArray());
    }

    [TestMethod]
    public void Compare_BadTileSize_ThrowsNamingIt()
    {
        using var a = Frame.Create(new Rect(0, 0, 10, 10));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => FrameDiff.Compare(a, a, tileSize: 4)).Message, "8..512");
    }
}
