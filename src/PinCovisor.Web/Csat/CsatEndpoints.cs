using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PinCovisor.Web.Media;

namespace PinCovisor.Web.Csat;

/// <summary>The customer's answer to the survey of a visual session.</summary>
/// <param name="Token">The <c>csatToken</c> of the customer's <c>session.ended</c>.</param>
/// <param name="Score">1 to 5.</param>
/// <param name="Comment">Optional plain text, at most <c>Csat:MaxComment</c> characters.</param>
public sealed record CsatAnswer(string? Token, int? Score, string? Comment);

/// <summary><c>POST /api/csat</c>: anonymous, the token in the body is the credential.</summary>
internal static class CsatEndpoints
{
    public static IEndpointRouteBuilder MapCsatEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/csat", AnswerAsync).AllowAnonymous().WithTags("Csat").WithName("AnswerSurvey")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        return endpoints;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AnswerAsync(
        CsatAnswer? answer, CsatTickets tickets, CsatStore store, IOptions<CsatOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (answer?.Score is not (>= 1 and <= 5) || answer.Score is not { } score)
        {
            return Problems.BadRequest("Give a score from 1 to 5.");
        }

        if (answer.Comment?.Length > settings.MaxComment)
        {
            return Problems.BadRequest($"A comment has at most {settings.MaxComment} characters.");
        }

        if (!settings.Enabled || tickets.Read(answer.Token) is not var (sessionId, endedAt))
        {
            return Problems.NotFound("This survey is unknown; it may have been switched off.");
        }

        if (time.GetUtcNow() > endedAt + settings.ResponseWindow)
        {
            return Gone("This survey has closed: answers are taken for a while after the session ends.");
        }

        var recorded = await store.RecordAsync(sessionId, score, answer.Comment, cancellationToken: cancellationToken).ConfigureAwait(false);
        return recorded.Outcome switch
        {
            CsatOutcome.Recorded or CsatOutcome.Repeated => TypedResults.NoContent(),
            CsatOutcome.AlreadyAnswered => Gone("This session has been rated already; thank you."),
            CsatOutcome.Expired => Gone("This survey has closed: answers are taken for a while after the session ends."),
            _ => Problems.NotFound("No question was asked for this session."),
        };
    }

    private static ProblemHttpResult Gone(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Survey closed", detail: detail);
}
