using Microsoft.Extensions.Options;
using SkiaSharp;

namespace PinCovisor.Web.Media;

/// <summary>Why an upload was refused before anything was stored.</summary>
internal enum ImageRejection
{
    /// <summary>Not JPEG, PNG or WebP by its magic bytes (415).</summary>
    UnsupportedFormat,

    /// <summary>The header declares more pixels than <see cref="MediaOptions.MaxPixels"/> (422).</summary>
    TooManyPixels,

    /// <summary>The bytes look like an image but do not decode (422).</summary>
    Undecodable,
}

/// <summary>
/// Decodes an upload with SkiaSharp and encodes the pixels again, so EXIF, GPS, comments and ICC
/// profiles are left behind, and the EXIF orientation is baked into the pixels (browsers disagree on
/// honouring it). Opaque images become JPEG, images with alpha PNG.
/// </summary>
internal sealed class ImageSanitizer(IOptions<MediaOptions> options) : IDisposable
{
    private const int JpegQuality = 85;

    private readonly SemaphoreSlim _decodes = new(options.Value.MaxConcurrentDecodes);

    public async Task<(CleanImage? Image, ImageRejection? Rejection)> CleanAsync(byte[] upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (ImageFormatSniffer.Detect(upload) == ImageFormat.Unknown)
        {
            return (null, ImageRejection.UnsupportedFormat);
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return (null, ImageRejection.Undecodable);
        }

        // The header alone is enough to refuse a decompression bomb: a few kilobytes of PNG can
        // declare 50,000 × 50,000 pixels, 10 GB once decoded.
        if ((long)codec.Info.Width * codec.Info.Height > options.Value.MaxPixels)
        {
            return (null, ImageRejection.TooManyPixels);
        }

        await _decodes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var image = Reencode(codec);
            return image is null ? (null, ImageRejection.Undecodable) : (image, null);
        }
        finally
        {
            _decodes.Release();
        }
    }

    public void Dispose() => _decodes.Dispose();

    private static CleanImage? Reencode(SKCodec codec)
    {
        var opaque = codec.Info.AlphaType == SKAlphaType.Opaque;
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKImageInfo.PlatformColorType,
            opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            return null;
        }

        // Most images need no turn; copying them anyway would double the memory of each decode.
        using var turned = codec.EncodedOrigin == SKEncodedOrigin.TopLeft ? null : ImageOrientation.Apply(decoded, codec.EncodedOrigin);
        var upright = turned ?? decoded;
        var format = opaque ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png;
        using var encoded = upright.Encode(format, JpegQuality);
        return encoded is null
            ? null
            : new CleanImage(encoded.ToArray(), opaque ? "image/jpeg" : "image/png", upright.Width, upright.Height);
    }
}
