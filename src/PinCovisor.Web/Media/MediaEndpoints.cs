using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Media;

/// <summary>
/// <c>POST /api/sessions/{sessionId}/media</c> and <c>GET /api/sessions/{sessionId}/media/{mediaId}</c>,
/// for the agent in charge and the admitted customers of that session only.
/// </summary>
internal static class MediaEndpoints
{
    /// <summary>What an upload answers with (201).</summary>
    public sealed record Uploaded(string MediaId, string ContentType, int Width, int Height, long Bytes, string Url);

    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/sessions/{sessionId}/media").RequireAuthorization(CovisorClaims.ParticipantPolicy)
            .WithTags("Media");
        group.MapPost("", UploadAsync).WithName("UploadMedia").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);
        // Every stored image was re-encoded on upload (ImageSanitizer) to one of these two.
        group.MapGet("/{mediaId}", DownloadAsync).WithName("DownloadMedia")
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg", "image/png").ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Results<Created<Uploaded>, ProblemHttpResult>> UploadAsync(
        string sessionId, HttpContext context, RedisSessionStore sessions, RedisMediaStore store, ImageSanitizer sanitizer,
        IOptions<MediaOptions> options, ILoggerFactory loggers)
    {
        var cancellationToken = context.RequestAborted;
        // Nothing is read from the body before the sender is known to belong to the session.
        if (await SessionMembership.RefuseAsync(sessions, context.User, sessionId, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        var logger = loggers.CreateLogger(typeof(MediaEndpoints));
        var limits = options.Value;
        var (status, upload) = await UploadReader.ReadAsync(context.Request, limits.MaxBytes, cancellationToken).ConfigureAwait(false);
        if (status != UploadStatus.Read)
        {
            logger.Refused(sessionId, status.ToString());
            return status == UploadStatus.TooLarge
                ? Problems.TooLarge($"An image may be at most {limits.MaxBytes} bytes.")
                : Problems.BadRequest("Send one image: as the request body, or as the only file of a multipart/form-data body.");
        }

        var (image, rejection) = await sanitizer.CleanAsync(upload, cancellationToken).ConfigureAwait(false);
        // An agent may also upload a PDF, to send it to a conversation's customer; it is only ever a download.
        if (rejection == ImageRejection.UnsupportedFormat && context.User.IsAgent() && CleanImage.LooksLikePdf(upload))
        {
            (image, rejection) = (CleanImage.Pdf(upload), null);
        }

        if (image is null)
        {
            logger.Refused(sessionId, rejection.ToString()!);
            return rejection switch
            {
                ImageRejection.UnsupportedFormat => Problems.UnsupportedType("Only JPEG, PNG and WebP images are accepted."),
                ImageRejection.TooManyPixels => Problems.Unprocessable($"An image may have at most {limits.MaxPixels} pixels."),
                _ => Problems.Unprocessable("The image is damaged or incomplete and cannot be read."),
            };
        }

        var saved = await store.SaveAsync(sessionId, image, Uploader(context), cancellationToken).ConfigureAwait(false);
        if (saved.Media is not { } media)
        {
            logger.Refused(sessionId, saved.Outcome.ToString());
            return saved.Outcome == MediaSaveOutcome.TooManyImages
                ? Problems.TooMany($"This session already holds {limits.MaxPerSession} images, the most it may upload.")
                : Problems.TooLarge($"This image would take the session past its {limits.MaxBytesPerSession} bytes of images.");
        }

        logger.Stored(sessionId, media.Id, image.ContentType, image.Width, image.Height, image.Data.LongLength);
        var url = $"/api/sessions/{sessionId}/media/{media.Id}";
        return TypedResults.Created(url, new Uploaded(media.Id, image.ContentType, image.Width, image.Height, image.Data.LongLength, url));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        string sessionId, string mediaId, HttpContext context, RedisSessionStore sessions, RedisMediaStore store, TimeProvider time)
    {
        var cancellationToken = context.RequestAborted;
        if (await SessionMembership.RefuseAsync(sessions, context.User, sessionId, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        if (await store.GetAsync(sessionId, mediaId, cancellationToken).ConfigureAwait(false) is not { } media)
        {
            return Problems.NotFound("No such image in this session.");
        }

        var headers = context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.ContentDisposition] = media.ContentDisposition;
        // Private: only this member's browser may keep it, and not beyond the image's own life.
        var maxAge = Math.Max(0, (long)(media.ExpiresAt - time.GetUtcNow()).TotalSeconds);
        headers[HeaderNames.CacheControl] = string.Create(CultureInfo.InvariantCulture, $"private, max-age={maxAge}");
        return TypedResults.File(media.Image.Data, media.Image.ContentType);
    }

    private static string Uploader(HttpContext context) =>
        context.User.AgentUsername() is { } agent ? "agent:" + agent : "participant:" + context.User.ParticipantId();
}
