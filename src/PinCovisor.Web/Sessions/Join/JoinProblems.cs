using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace PinCovisor.Web.Sessions;

/// <summary>The refusals of the join endpoints.</summary>
internal static class JoinProblems
{
    private static readonly ProblemDetails NotValid = NotFound("This PIN or link is not valid. Check the digits, or ask the agent for a new PIN.");

    /// <summary>
    /// The one answer for a wrong, expired or used PIN or device code. It is written as plain JSON
    /// rather than through the problem-details service, which would add a per-request trace id and
    /// make otherwise identical refusals differ byte for byte.
    /// </summary>
    public static JsonHttpResult<ProblemDetails> Refused() => Refused(NotValid);

    /// <summary>A <c>404</c> refusal of <see cref="NotFound"/>'s making, written as plain JSON like <see cref="Refused()"/>.</summary>
    public static JsonHttpResult<ProblemDetails> Refused(ProblemDetails problem) =>
        TypedResults.Json(problem, contentType: "application/problem+json", statusCode: StatusCodes.Status404NotFound);

    /// <summary>The body of a join's <c>404</c> with <paramref name="detail"/>.</summary>
    public static ProblemDetails NotFound(string detail) => new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        Title = "Not Found",
        Status = StatusCodes.Status404NotFound,
        Detail = detail,
    };

    /// <summary>429 with <c>Retry-After</c> in whole seconds, rounded up.</summary>
    public static ProblemHttpResult Throttled(HttpContext context, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many attempts",
            detail: $"Too many wrong codes from this network. Try again in {Math.Max(1, (seconds + 59) / 60)} minute(s).");
    }

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
