using Microsoft.AspNetCore.Http.HttpResults;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Media;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Videos;

/// <summary><c>GET /api/videos</c> and <c>GET /api/videos/{id}</c>, for agents and admitted customers.</summary>
internal static class VideoEndpoints
{
    public static IEndpointRouteBuilder MapVideoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/videos").RequireAuthorization(CovisorClaims.ParticipantPolicy).WithTags("Videos");
        group.MapGet("", ListAsync).WithName("ListVideos");
        // The file itself (with ranges), or a redirect to the video's configured URL.
        group.MapGet("/{id}", PlayAsync).WithName("PlayVideo")
            .Produces<Stream>(StatusCodes.Status200OK, "video/mp4", "video/webm").Produces(StatusCodes.Status302Found)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<ShopVideo>>, ProblemHttpResult>> ListAsync(
        HttpContext context, RedisSessionStore sessions, VideoLibrary library)
    {
        if (!await SessionMembership.IsParticipantAsync(sessions, context.User, context.RequestAborted).ConfigureAwait(false))
        {
            return Problems.Forbidden("Videos are for agents and admitted customers.");
        }

        return TypedResults.Ok(library.List());
    }

    private static async Task<Results<PhysicalFileHttpResult, RedirectHttpResult, ProblemHttpResult>> PlayAsync(
        string id, HttpContext context, RedisSessionStore sessions, VideoLibrary library)
    {
        if (!await SessionMembership.IsParticipantAsync(sessions, context.User, context.RequestAborted).ConfigureAwait(false))
        {
            return Problems.Forbidden("Videos are for agents and admitted customers.");
        }

        if (library.Find(id) is not { } video)
        {
            return Problems.NotFound("No such video.");
        }

        if (video.Url is not null)
        {
            // Only configured, allowlisted URLs get here, so this is no open redirect.
            return TypedResults.Redirect(video.Url);
        }

        var path = library.PathOf(video);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return Problems.NotFound("The video's file is missing on this server.");
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        // Range processing lets players seek (206 Partial Content) without downloading the whole file.
        return TypedResults.PhysicalFile(path, VideoLibrary.ContentTypeOf(path)!, lastModified: file.LastWriteTimeUtc, enableRangeProcessing: true);
    }
}
