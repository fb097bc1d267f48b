using System.Net;
using System.Text;
using PhoneBridge.Testing.Media;
using SkiaSharp;

namespace PinCovisor.Web.Tests.BadInput;

/// <summary>Uploads whose name, label or header lies, that stop short, or that would decode to gigabytes.</summary>
internal static class UploadCases
{
    public static IEnumerable<BadInputCase> All()
    {
        yield return Multipart("an HTML page named photo.jpg", Encoding.UTF8.GetBytes("<html><body>hi</body></html>"), "photo.jpg",
            HttpStatusCode.UnsupportedMediaType);
        yield return Multipart("an SVG named drawing.png", Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg"/>"""), "drawing.png",
            HttpStatusCode.UnsupportedMediaType);
        yield return Multipart("a GIF named anim.png", [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, .. ";"u8], "anim.png", HttpStatusCode.UnsupportedMediaType);
        yield return Multipart("a PDF named scan.jpeg", [.. "%PDF-1.7\n"u8, .. new byte[64]], "scan.jpeg", HttpStatusCode.UnsupportedMediaType);
        yield return Raw("an empty body", [], HttpStatusCode.BadRequest);
        yield return Raw("a PNG cut after its header", TestImages.PngWithAlpha(64, 64)[..40], HttpStatusCode.UnprocessableEntity);
        yield return Raw("a JPEG of its first four bytes", TestImages.Jpeg(16, 16, SKColors.Red, SKColors.Blue)[..4], HttpStatusCode.UnprocessableEntity);
        yield return Raw("a PNG declaring 8000 × 5001 pixels (just over the 40 MP cap)", TestImages.PngBomb(8000, 5001),
            HttpStatusCode.UnprocessableEntity);
        yield return Raw("a PNG declaring 65535 × 65535 pixels", TestImages.PngBomb(65_535, 65_535), HttpStatusCode.UnprocessableEntity);
        yield return Raw("a PNG declaring 1 × 2³¹−1 pixels", TestImages.PngBomb(1, int.MaxValue), HttpStatusCode.UnprocessableEntity);
        yield return Raw("a PNG declaring 100000 × 2³¹−1 pixels", TestImages.PngBomb(100_000, int.MaxValue), HttpStatusCode.UnprocessableEntity);
        yield return Raw("a body one byte over the 10 MiB limit", new byte[(10 * 1024 * 1024) + 1], HttpStatusCode.RequestEntityTooLarge);
        yield return new BadInputCase("upload: a JSON body", HttpStatusCode.UnsupportedMediaType, Answer.Problem, async host =>
        {
            using var client = host.ClientWith(host.Session.CustomerToken);
            return await MediaUploads.PostRawAsync(client, host.Session.SessionId, Encoding.UTF8.GetBytes("""{"image":"x"}"""), "application/json");
        });
    }

    private static BadInputCase Multipart(string name, byte[] file, string fileName, HttpStatusCode status) =>
        new("upload: " + name, status, Answer.Problem, async host =>
        {
            using var client = host.ClientWith(host.Session.CustomerToken);
            return await MediaUploads.PostMultipartAsync(client, host.Session.SessionId, file, fileName, "image/png");
        });

    private static BadInputCase Raw(string name, byte[] body, HttpStatusCode status) =>
        new("upload: " + name, status, Answer.Problem, async host =>
        {
            using var client = host.ClientWith(host.Session.CustomerToken);
            return await MediaUploads.PostRawAsync(client, host.Session.SessionId, body, "image/png");
        });
}
