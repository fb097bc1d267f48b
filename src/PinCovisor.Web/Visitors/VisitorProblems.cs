using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PinCovisor.Web.Visitors;

/// <summary>The <c>application/problem+json</c> answers of the visitor API.</summary>
internal static class VisitorProblems
{
    // One text for an unknown id and a wrong key, so a key cannot be told apart from an id by probing.
    public static ProblemHttpResult UnknownVisitor() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No such visitor, or it has expired.");

    public static ProblemHttpResult AlreadyInvited() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already invited",
            detail: "This visitor has an invitation they have not picked up yet.");

    public static ProblemHttpResult InSession() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already in a session",
            detail: "This visitor is already in a session with an agent.");

    public static ProblemHttpResult ForeignOrigin() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not a shop page",
            detail: "Page views are accepted only from the shop's own pages: the page's address and the request's Origin must be one of the shop's origins (Hub:AllowedOrigins).");

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>
    /// 429 with <c>Retry-After</c> in whole seconds, rounded up; one text for every page-view limit,
    /// so the answer does not tell a right key (the visitor's own limit) from a wrong one.
    /// </summary>
    public static ProblemHttpResult Throttled(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many page views",
            detail: $"Too many page views. Try again in {seconds} second(s).");
    }
}
