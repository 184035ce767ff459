using System.Buffers.Binary;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Capture;

/// <summary>
/// The size an encoded PNG, JPEG or WebP says it has, read from its header before anything is decoded: a few bytes can
/// announce a 16000×16000 image that would take a gigabyte to hold.
/// </summary>
public static class ImageHeader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The width and height the header gives; null when the bytes are none of PNG, JPEG, WebP or are cut short.</summary>
    public static Size? SizeOf(ReadOnlySpan<byte> bytes)
    {
        // PNG: signature, then the IHDR chunk's width and height (big-endian).
        if (bytes.Length >= 24 && bytes[..8].SequenceEqual(PngSignature) && bytes.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return Checked(BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]));
        }
        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        {
            return JpegSize(bytes);
        }
        if (bytes.Length >= 30 && bytes[..4].SequenceEqual("RIFF"u8) && bytes.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            var chunk = bytes.Slice(12, 4);
            if (chunk.SequenceEqual("VP8X"u8))
            {
                return Checked(1 + (bytes[24] | (uint)bytes[25] << 8 | (uint)bytes[26] << 16), 1 + (bytes[27] | (uint)bytes[28] << 8 | (uint)bytes[29] << 16));
            }
            if (chunk.SequenceEqual("VP8L"u8) && bytes[20] == 0x2F)
            {
                var bits = BinaryPrimitives.ReadUInt32LittleEndian(bytes[21..]);
                return Checked(1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF));
            }
            if (chunk.SequenceEqual("VP8 "u8))
            {
                return Checked(BinaryPrimitives.ReadUInt16LittleEndian(bytes[26..]) & 0x3FFFu, BinaryPrimitives.ReadUInt16LittleEndian(bytes[28..]) & 0x3FFFu);
            }
        }
        return null;
    }

    /// <summary>JPEG: walk the segments to the first start-of-frame marker, which holds height then width.</summary>
    private static Size? JpegSize(ReadOnlySpan<byte> bytes)
    {
        var at = 2;
        while (at + 9 < bytes.Length)
        {
            if (bytes[at] != 0xFF)
            {
                return null;
            }
            var marker = bytes[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }
            // Restart markers and TEM carry no length: reading one there would skip a real frame header and trust a fake one.
            if (marker is >= 0xD0 and <= 0xD7 or 0x01)
            {
                at += 2;
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return Checked(BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 5)..]));
            }
            at += 2 + length;
        }
        return null;
    }

    private static Size? Checked(uint width, uint height) =>
        width is 0 or > int.MaxValue || height is 0 or > int.MaxValue ? null : new Size((int)width, (int)height);
}
