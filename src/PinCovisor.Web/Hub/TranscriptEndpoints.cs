using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Hub;

/// <summary><c>GET /api/sessions/{sessionId}/transcript?format=json|csv</c>, for the agent in charge only.</summary>
internal static class TranscriptEndpoints
{
    private const int PageSize = 1000;

    public static IEndpointRouteBuilder MapTranscript(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/sessions/{sessionId}/transcript", ExportAsync).RequireAuthorization(CovisorClaims.AgentPolicy)
            .WithTags("Sessions").WithName("ExportTranscript").ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Results<Ok<Transcript>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        string sessionId, string? format, HttpContext context, RedisSessionStore store, SessionEventLog log, TimeProvider time)
    {
        format = string.IsNullOrEmpty(format) ? "json" : format.ToLowerInvariant();
        if (format is not ("json" or "csv"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["Use json or csv."] });
        }

        var cancellationToken = context.RequestAborted;
        var session = await store.GetAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return TypedResults.Problem("There is no such session, or its history has expired.", statusCode: StatusCodes.Status404NotFound);
        }

        // Unlike the hub, a closed session can be exported: that is when transcripts are wanted.
        if (context.User.AgentUsername() != session.AgentUsername)
        {
            return TypedResults.Problem("Only the agent in charge of the session can export its transcript.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var events = new List<CovisorEvent>();
        for (long after = 0; ;)
        {
            var page = await log.ReadAsync(sessionId, after, PageSize, cancellationToken: cancellationToken).ConfigureAwait(false);
            events.AddRange(page.Events);
            if (page.Events.Count < PageSize)
            {
                break;
            }

            after = page.Events[^1].Seq;
        }

        var lines = TranscriptLine.From(events).ToList();
        if (format == "csv")
        {
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(TranscriptCsv.Write(lines))).ToArray();
            return TypedResults.File(bytes, "text/csv; charset=utf-8", $"transcript-{sessionId}.csv");
        }

        return TypedResults.Ok(new Transcript(sessionId, time.GetUtcNow(), lines));
    }
}
