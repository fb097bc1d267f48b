using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using PhoneBridge.Http;

namespace PinCovisor.Web.Media;

/// <summary>What reading an upload's body gave.</summary>
internal enum UploadStatus
{
    Read,

    /// <summary>Over the cap; reading stopped there (413).</summary>
    TooLarge,

    /// <summary>No file, or several files, or a malformed multipart body (400).</summary>
    Malformed,
}

/// <summary>
/// Reads an upload sent either as the raw request body (<c>fetch(url, {body: file})</c>) or as a
/// <c>multipart/form-data</c> body with exactly one file part (an HTML form or <c>FormData</c>).
/// Never holds more than the cap: reading stops one byte past it.
/// </summary>
internal static class UploadReader
{
    // Room for multipart boundaries and part headers on top of the file itself.
    private const long MultipartOverhead = 64 * 1024;

    public static async Task<(UploadStatus Status, byte[] Data)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes + MultipartOverhead)
        {
            return (UploadStatus.TooLarge, []);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + MultipartOverhead;
        }

        try
        {
            return MultipartBoundary(request) is { } boundary
                ? await ReadMultipartAsync(request.Body, boundary, maxBytes, cancellationToken).ConfigureAwait(false)
                : await ReadCappedAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (UploadStatus.TooLarge, []);
        }
        catch (InvalidDataException)
        {
            // MultipartReader's answer to a body that is not the multipart it claims to be.
            return (UploadStatus.Malformed, []);
        }
    }

    private static string? MultipartBoundary(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(type.Boundary).Value
            : null;

    private static async Task<(UploadStatus, byte[])> ReadMultipartAsync(Stream body, string boundary, long maxBytes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
        {
            return (UploadStatus.Malformed, []);
        }

        var reader = new MultipartReader(boundary, body);
        byte[]? file = null;
        while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
        {
            var isFile = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.IsFileDisposition();
            if (!isFile)
            {
                // Other form fields are allowed and ignored; the body cap bounds them.
                await section.Body.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (file is not null)
            {
                return (UploadStatus.Malformed, []);
            }

            var (status, data) = await ReadCappedAsync(section.Body, maxBytes, cancellationToken).ConfigureAwait(false);
            if (status != UploadStatus.Read)
            {
                return (status, []);
            }

            file = data;
        }

        return file is null ? (UploadStatus.Malformed, []) : (UploadStatus.Read, file);
    }

    private static async Task<(UploadStatus, byte[])> ReadCappedAsync(Stream source, long maxBytes, CancellationToken cancellationToken) =>
        await CappedBody.ReadAsync(source, maxBytes, cancellationToken).ConfigureAwait(false) switch
        {
            null => (UploadStatus.TooLarge, []),
            [] => (UploadStatus.Malformed, []),
            var data => (UploadStatus.Read, data),
        };
}
