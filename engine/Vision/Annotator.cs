using Dispatch.Engine.Capture;
using OpenCvSharp;

namespace Dispatch.Engine.Vision;

/// <summary>Draws outlined, labelled rectangles on a copy of a frame: find results, approval targets.</summary>
public static class Annotator
{
    /// <summary>Encodes a PNG of <paramref name="frame"/> with <paramref name="annotations"/> drawn on it; the frame is not changed.</summary>
    public static byte[] AnnotatePng(Frame frame, IEnumerable<ScreenAnnotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(annotations);
        using var source = frame.AsMat();
        using var canvas = new Mat();
        Cv2.CvtColor(source, canvas, ColorConversionCodes.BGRA2BGR);
        foreach (var annotation in annotations)
        {
            var b = annotation.Bounds.Offset(-frame.Bounds.X, -frame.Bounds.Y);
            var colour = annotation.IsPrimary ? new Scalar(0, 0, 255) : new Scalar(0, 160, 255);
            Cv2.Rectangle(canvas, new OpenCvSharp.Rect(b.X - 2, b.Y - 2, b.Width + 4, b.Height + 4), colour, annotation.IsPrimary ? 2 : 1);
            Cv2.PutText(canvas, annotation.Label, new OpenCvSharp.Point(b.X, Math.Max(12, b.Y - 6)), HersheyFonts.HersheySimplex, 0.45, colour, 1);
        }
        Cv2.ImEncode(".png", canvas, out var bytes, new ImageEncodingParam(ImwriteFlags.PngCompression, 1));
        return bytes;
    }
}
