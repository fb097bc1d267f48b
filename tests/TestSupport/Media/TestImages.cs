using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace PhoneBridge.Testing.Media;

/// <summary>Images built in memory for upload tests: real encoders, hand-written metadata and headers.</summary>
public static class TestImages
{
    /// <summary>The bytes of the GPS IFD's first entry (GPSLatitudeRef = "N"), big-endian, as written by <see cref="WithExif"/>.</summary>
    public static readonly byte[] GpsLatitudeRefEntry = [0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, (byte)'N', 0x00];

    /// <summary>An opaque JPEG, left half <paramref name="left"/>, right half <paramref name="right"/>.</summary>
    public static byte[] Jpeg(int width, int height, SKColor left, SKColor right) =>
        Encode(width, height, left, right, SKEncodedImageFormat.Jpeg, SKAlphaType.Opaque);

    /// <summary>A PNG with transparent pixels.</summary>
    public static byte[] PngWithAlpha(int width, int height) =>
        Encode(width, height, new SKColor(255, 0, 0, 128), SKColors.Transparent, SKEncodedImageFormat.Png, SKAlphaType.Premul);

    /// <summary>An opaque WebP.</summary>
    public static byte[] WebP(int width, int height) =>
        Encode(width, height, SKColors.Green, SKColors.Yellow, SKEncodedImageFormat.Webp, SKAlphaType.Opaque);

    /// <summary>
    /// A JPEG with an EXIF APP1 segment inserted right after SOI: IFD0 holds Orientation and a
    /// pointer to a GPS IFD with a latitude (40° 25' 0" N), as a phone camera writes them.
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange([(byte)(v >> 8), (byte)v]);
        void U32(int v) => tiff.AddRange([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);

        tiff.AddRange("MM"u8.ToArray());
        U16(42);
        U32(8);
        // IFD0 at 8: 2 entries, then the next-IFD offset; the GPS IFD follows at 8 + 2 + 24 + 4 = 38.
        U16(2);
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0);
        U16(0x8825); U16(4); U32(1); U32(38);
        U32(0);
        // GPS IFD at 38: LatitudeRef "N", Latitude -> 3 rationals at 38 + 2 + 24 + 4 = 68.
        U16(2);
        tiff.AddRange(GpsLatitudeRefEntry); tiff.AddRange([0, 0]);
        U16(0x0002); U16(5); U32(3); U32(68);
        U32(0);
        foreach (var (numerator, denominator) in new[] { (40, 1), (25, 1), (0, 1) })
        {
            U32(numerator);
            U32(denominator);
        }

        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A copy of <paramref name="png"/> with a <c>tEXt</c> chunk (keyword, text) right after IHDR.</summary>
    public static byte[] WithPngText(byte[] png, string keyword, string text)
    {
        ArgumentNullException.ThrowIfNull(png);
        const int afterIhdr = 8 + 12 + 13;
        var chunk = new MemoryStream();
        Chunk(chunk, "tEXt", [.. Encoding.Latin1.GetBytes(keyword), 0, .. Encoding.Latin1.GetBytes(text)]);
        return [.. png[..afterIhdr], .. chunk.ToArray(), .. png[afterIhdr..]];
    }

    /// <summary>
    /// A valid, tiny PNG whose IHDR declares <paramref name="width"/> × <paramref name="height"/>
    /// 8-bit grey pixels; its IDAT holds a few compressed rows only, so it stays small on the wire.
    /// </summary>
    public static byte[] PngBomb(int width, int height)
    {
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth; colour type 0 (grey), deflate, filter 0, no interlace
        Chunk(png, "IHDR", ihdr);
        using (var rows = new MemoryStream())
        {
            using (var zlib = new ZLibStream(rows, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(new byte[(width + 1) * 4]);
            }

            Chunk(png, "IDAT", rows.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The JPEG marker codes (the byte after 0xFF) from SOI up to and including SOS.</summary>
    public static IReadOnlyList<byte> JpegHeaderMarkers(byte[] jpeg)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var markers = new List<byte> { jpeg[1] };
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF)
        {
            var marker = jpeg[i + 1];
            markers.Add(marker);
            if (marker == 0xDA)
            {
                break;
            }

            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 2));
        }

        return markers;
    }

    /// <summary>The chunk types of a PNG, in order.</summary>
    public static IReadOnlyList<string> PngChunks(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        var chunks = new List<string>();
        for (var i = 8; i + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(i));
            chunks.Add(Encoding.ASCII.GetString(png, i + 4, 4));
            i += 12 + length;
        }

        return chunks;
    }

    private static byte[] Encode(int width, int height, SKColor left, SKColor right, SKEncodedImageFormat format, SKAlphaType alpha)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, alpha));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var paint = new SKPaint { Color = left, BlendMode = SKBlendMode.Src };
            canvas.DrawRect(0, 0, width / 2f, height, paint);
            paint.Color = right;
            canvas.DrawRect(width / 2f, 0, width - (width / 2f), height, paint);
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        Encoding.ASCII.GetBytes(type, header.AsSpan(4));
        png.Write(header);
        png.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(header.AsSpan(4).ToArray().Concat(data).ToArray()));
        png.Write(crc);
    }

    // PNG's CRC-32 (ISO 3309, reflected polynomial 0xEDB88320).
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
