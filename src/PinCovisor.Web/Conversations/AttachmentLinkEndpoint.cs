using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using PinCovisor.Web.Media;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// <c>GET /media/out/{session id}.{secret}</c>: the agent's attachment for Twilio, which fetches a
/// message's <c>MediaUrl</c> without credentials. The unguessable link is the credential; it lives
/// <c>Messaging:AttachmentLinkLifetime</c>.
/// </summary>
internal static class AttachmentLinkEndpoint
{
    public const string Path = "/media/out";

    public static IEndpointRouteBuilder MapAttachmentLinks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path + "/{token}", OpenAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> OpenAsync(
        string token, HttpContext context, ConversationAttachments attachments)
    {
        if (await attachments.OpenAsync(token, context.RequestAborted).ConfigureAwait(false) is not { } media)
        {
            return Problems.NotFound("This link has expired or never existed.");
        }

        var headers = context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.CacheControl] = "no-store";
        headers[HeaderNames.ContentDisposition] = media.ContentDisposition;
        return TypedResults.File(media.Image.Data, media.Image.ContentType);
    }
}
