namespace PinCovisor.Web.Media;

/// <summary>The image formats accepted for upload, recognised by their first bytes.</summary>
internal enum ImageFormat
{
    Unknown,
    Jpeg,
    Png,
    WebP,
}

/// <summary>
/// Tells the format from the file's magic bytes. A file's name and the request's Content-Type are
/// whatever the sender typed, so they decide nothing.
/// </summary>
internal static class ImageFormatSniffer
{
    private static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageFormat Detect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return ImageFormat.Jpeg;
        }

        if (data.StartsWith(Png))
        {
            return ImageFormat.Png;
        }

        // RIFF <size> WEBP
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }

        return ImageFormat.Unknown;
    }
}
