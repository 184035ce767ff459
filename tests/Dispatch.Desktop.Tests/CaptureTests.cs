using System.Text;
using Dispatch.Engine;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;

namespace Dispatch.Desktop.Tests;

[TestClass]
public sealed class CaptureTests
{
    private const int Foreground = 0xD02040;
    private const int Background = 0x10A070;
    private static TestDesktop s_desktop = null!;
    private static byte[] s_bits = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_desktop = await TestDesktop.StartAsync();
        // A 16×16 bitmap of irregular bits, tiled over the root window by xsetroot: every pixel of the screen is known.
        s_bits = Enumerable.Range(0, 32).Select(i => (byte)((i * 37 + 11) & 0xFF)).ToArray();
        var xbm = new StringBuilder("#define p_width 16\n#define p_height 16\nstatic unsigned char p_bits[] = {\n");
        xbm.AppendJoin(", ", s_bits.Select(b => $"0x{b:x2}")).Append("};\n");
        var path = s_desktop.PathOf("pattern.xbm");
        await File.WriteAllTextAsync(path, xbm.ToString());
        var status = await TestDesktop.RunAsync(s_desktop.App("xsetroot", "-bitmap", path, "-fg", $"#{Foreground:x6}", "-bg", $"#{Background:x6}"));
        Assert.AreEqual(0, status, "xsetroot failed");
        await s_desktop.SettleAsync();
    }

    [ClassCleanup]
    public static void Stop() => s_desktop?.Dispose();

    private static int Expected(int x, int y) => ((s_bits[(y % 16) * 2 + (x % 16) / 8] >> (x % 8)) & 1) != 0 ? Foreground : Background;

    private static void AssertPattern(Frame frame)
    {
        for (var y = 0; y < frame.Height; y++)
        {
            for (var x = 0; x < frame.Width; x++)
            {
                var sx = frame.Bounds.X + x;
                var sy = frame.Bounds.Y + y;
                var actual = frame.GetRgb(x, y);
                if (actual != Expected(sx, sy))
                {
                    Assert.Fail($"Pixel {sx},{sy} is #{actual:x6}; expected #{Expected(sx, sy):x6}.");
                }
            }
        }
    }

    [TestMethod]
    public void Capture_FullScreenOfKnownPattern_ReturnsExactlyThosePixels()
    {
        using var frame = s_desktop.Desktop.Screen.Capture();
        Assert.AreEqual(new Rect(0, 0, 1920, 1080), frame.Bounds);
        Assert.AreEqual(CaptureMethod.SharedMemory, s_desktop.Desktop.Screen.Method);
        AssertPattern(frame);
    }

    [TestMethod]
    public void Capture_Region_EqualsTheSameSubRectangleOfAFullCapture()
    {
        var region = new Rect(333, 201, 200, 150);
        using var full = s_desktop.Desktop.Screen.Capture();
        using var part = s_desktop.Desktop.Screen.Capture(region);
        using var cropped = full.Crop(region);
        Assert.AreEqual(region, part.Bounds);
        for (var y = 0; y < region.Height; y++)
        {
            CollectionAssert.AreEqual(cropped.Row(y).ToArray(), part.Row(y).ToArray(), $"row {y} differs");
        }
        AssertPattern(part);
    }

    [TestMethod]
    public void Capture_TransferFallback_ReturnsTheSamePixelsAsSharedMemory()
    {
        using var transfer = s_desktop.Virtual.Open(new DesktopOptions { CaptureMethod = CaptureMethod.Transfer, UseDamage = false });
        Assert.AreEqual(CaptureMethod.Transfer, transfer.Screen.Method);
        var region = new Rect(1700, 900, 220, 180);
        using var viaTransfer = transfer.Screen.Capture(region);
        using var viaShared = s_desktop.Desktop.Screen.Capture(region);
        Assert.AreEqual(FrameDifference.None, FrameDiff.Compare(viaShared, viaTransfer));
        AssertPattern(viaTransfer);
    }

    [TestMethod]
    public void Capture_ManyFrames_ReusesSegmentsAndNumbersFramesInOrder()
    {
        var segmentsBefore = SharedSegmentsOfThisProcess();
        long previous = 0;
        for (var i = 0; i < 200; i++)
        {
            using var frame = s_desktop.Desktop.Screen.Capture(new Rect(i, i, 64, 64));
            Assert.IsGreaterThan(previous, frame.Sequence);
            previous = frame.Sequence;
        }
        // Every frame was disposed at once, so one segment served them all (plus one for a concurrently held frame).
        Assert.IsLessThanOrEqualTo(segmentsBefore + 1, SharedSegmentsOfThisProcess());
    }

    [TestMethod]
    public void Dispose_Screen_LeavesNoSharedMemorySegmentBehind()
    {
        var before = SharedSegmentsOfThisProcess();
        using (var desktop = s_desktop.Virtual.Open(new DesktopOptions { UseDamage = false }))
        {
            using var a = desktop.Screen.Capture();
            using var b = desktop.Screen.Capture();
            Assert.AreEqual(before + 2, SharedSegmentsOfThisProcess());
        }
        Assert.AreEqual(before, SharedSegmentsOfThisProcess());
    }

    [TestMethod]
    public void Capture_RegionOutsideTheScreen_ThrowsNamingTheRegionAndTheScreen()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => s_desktop.Desktop.Screen.Capture(new Rect(1900, 1000, 100, 100)));
        StringAssert.Contains(error.Message, "1900,1000 100x100");
        StringAssert.Contains(error.Message, "0,0 1920x1080");
    }

    [TestMethod]
    public void Monitors_OfTheVirtualScreen_IsOneMonitorCoveringIt()
    {
        var monitors = s_desktop.Desktop.Screen.Monitors;
        Assert.HasCount(1, monitors);
        Assert.AreEqual(new Rect(0, 0, 1920, 1080), monitors[0].Bounds);
    }

    /// <summary>Segments attached by this process, from the kernel's own table (/proc/sysvipc/shm: the creator pid is column 5).</summary>
    internal static int SharedSegmentsOfThisProcess()
    {
        var pid = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return File.ReadLines("/proc/sysvipc/shm").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(columns => columns.Length > 5 && columns[4] == pid);
    }
}
