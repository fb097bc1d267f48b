using PinCovisor.Web.Media;
using SkiaSharp;

namespace PinCovisor.Web.Tests.Media;

public sealed class ImageOrientationTests
{
    public static TheoryData<SKEncodedOrigin> Origins => new()
    {
        SKEncodedOrigin.TopLeft, SKEncodedOrigin.TopRight, SKEncodedOrigin.BottomRight, SKEncodedOrigin.BottomLeft,
        SKEncodedOrigin.LeftTop, SKEncodedOrigin.RightTop, SKEncodedOrigin.RightBottom, SKEncodedOrigin.LeftBottom,
    };

    [Theory]
    [MemberData(nameof(Origins))]
    public void EveryStoredPixelLandsWhereExifSaysItIsDisplayed(SKEncodedOrigin origin)
    {
        const int w = 3, h = 2;
        using var stored = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                stored.SetPixel(x, y, new SKColor((byte)(40 * (x + 1)), (byte)(100 * (y + 1)), 7));
            }
        }

        using var upright = ImageOrientation.Apply(stored, origin);

        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var (dx, dy) = Displayed(origin, x, y, w, h);
                upright.GetPixel(dx, dy).Should().Be(stored.GetPixel(x, y), $"stored ({x},{y}) shows at ({dx},{dy}) for {origin}");
            }
        }
    }

    // EXIF 2.3, tag 0x0112: where the stored row 0 / column 0 are displayed.
    private static (int X, int Y) Displayed(SKEncodedOrigin origin, int x, int y, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopLeft => (x, y),
        SKEncodedOrigin.TopRight => (w - 1 - x, y),
        SKEncodedOrigin.BottomRight => (w - 1 - x, h - 1 - y),
        SKEncodedOrigin.BottomLeft => (x, h - 1 - y),
        SKEncodedOrigin.LeftTop => (y, x),
        SKEncodedOrigin.RightTop => (h - 1 - y, x),
        SKEncodedOrigin.RightBottom => (h - 1 - y, w - 1 - x),
        SKEncodedOrigin.LeftBottom => (y, w - 1 - x),
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };
}
