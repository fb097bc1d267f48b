using Microsoft.AspNetCore.Http.HttpResults;

namespace PinCovisor.Web.Sessions;

/// <summary>The refusals of the session endpoints, as problem details.</summary>
internal static class SessionProblems
{
    public static ProblemHttpResult NotFound(string what = "session") =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
            detail: $"There is no such {what}, or the session has ended.");

    public static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: "This session belongs to someone else.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);
}
