using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using OpenCvSharp;
using Point = Dispatch.Engine.Geometry.Point;
using Rect = Dispatch.Engine.Geometry.Rect;
using Size = Dispatch.Engine.Geometry.Size;

namespace Dispatch.Engine.Tests;

[TestClass]
public sealed class FrameEncoderTests
{
    private static Frame Pattern()
    {
        var frame = Frame.Create(new Rect(100, 50, 320, 200));
        frame.Fill(new Rect(0, 0, 320, 200), 0x204080);
        frame.Fill(new Rect(10, 10, 100, 50), 0xFF0000);
        frame.Fill(new Rect(200, 120, 60, 60), 0x00FF00);
        return frame;
    }

    [TestMethod]
    [DataRow(ImageFormat.Png)]
    [DataRow(ImageFormat.WebP)]
    public void Encode_Lossless_DecodesToTheSamePixels(ImageFormat format)
    {
        using var frame = Pattern();
        var image = FrameEncoder.Encode(frame, format);
        using var decoded = Cv2.ImDecode(image.Bytes, ImreadModes.Color);
        Assert.AreEqual(320, decoded.Width);
        Assert.AreEqual(200, decoded.Height);
        foreach (var (x, y) in new[] { (0, 0), (15, 15), (109, 59), (110, 60), (230, 150), (319, 199) })
        {
            var pixel = decoded.At<Vec3b>(y, x);
            Assert.AreEqual(frame.GetRgb(x, y), pixel.Item2 << 16 | pixel.Item1 << 8 | pixel.Item0, $"pixel {x},{y}");
        }
    }

    [TestMethod]
    [DataRow(ImageFormat.Png, 80)]
    [DataRow(ImageFormat.Jpeg, 80)]
    [DataRow(ImageFormat.WebP, 80)]
    [DataRow(ImageFormat.WebP, 100)]
    public void ImageHeader_GivesTheSizeEachFormatWasEncodedAt(ImageFormat format, int quality)
    {
        using var frame = Pattern();

        var image = FrameEncoder.Encode(frame, format, targetSize: new Size(317, 123), quality: quality);

        Assert.AreEqual(new Size(317, 123), ImageHeader.SizeOf(image.Bytes));
    }

    [TestMethod]
    public void ImageHeader_OfAJpegWithALengthlessMarkerBeforeItsFrame_StillReadsTheRealSize()
    {
        using var frame = Pattern();
        var jpeg = FrameEncoder.Encode(frame, ImageFormat.Jpeg, targetSize: new Size(317, 123)).Bytes;

        // A restart marker right after the start of image has no length; read as if it had one, the walk would jump past the real frame header.
        byte[] tricked = [0xFF, 0xD8, 0xFF, 0xD0, .. jpeg.AsSpan(2)];

        Assert.AreEqual(new Size(317, 123), ImageHeader.SizeOf(tricked));
    }

    [TestMethod]
    public void Decode_AnImageWhoseHeaderAnnouncesAGigapixel_IsRefusedBeforeDecoding()
    {
        using var frame = Pattern();
        var png = FrameEncoder.Encode(frame, ImageFormat.Png).Bytes;
        // 16000×16000 in IHDR: the pixels that follow are too few, but nothing may get as far as allocating for them.
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 16000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 16000);

        var error = Assert.ThrowsExactly<DispatchException>(() => FrameEncoder.Decode(png));

        StringAssert.Contains(error.Message, "16000x16000");
        Assert.ThrowsExactly<DispatchException>(() => FrameEncoder.Decode("not an image at all"u8.ToArray()));
    }

    [TestMethod]
    public void Encode_RegionDownscaled_HasTheTargetSizeAndMapsBackToTheScreen()
    {
        using var frame = Pattern();
        var region = new Rect(110, 60, 200, 100);
        var image = FrameEncoder.Encode(frame, ImageFormat.Jpeg, region, new Size(100, 50));
        using var decoded = Cv2.ImDecode(image.Bytes, ImreadModes.Color);
        Assert.AreEqual(100, decoded.Width);
        Assert.AreEqual(50, decoded.Height);
        Assert.AreEqual("image/jpeg", image.MediaType);
        Assert.AreEqual(new Point(111, 61), image.Mapping.ToScreen(new Point(0, 0)));
        Assert.AreEqual(region, image.Mapping.Source);
    }

    [TestMethod]
    public void Encode_RegionOutsideTheFrame_ThrowsNamingIt()
    {
        using var frame = Pattern();
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => FrameEncoder.Encode(frame, ImageFormat.Png, new Rect(0, 0, 50, 50)));
        StringAssert.Contains(error.Message, "100,50 320x200");
    }

    [TestMethod]
    public void FormatOf_UnknownExtension_ThrowsNamingIt()
    {
        Assert.AreEqual(ImageFormat.WebP, FrameEncoder.FormatOf("shot.WEBP"));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => FrameEncoder.FormatOf("shot.bmp")).Message, ".BMP");
    }
}
