using Microsoft.AspNetCore.Http.HttpResults;

using PinCovisor.Web.Throttling;

namespace PinCovisor.Web.Agents;

/// <summary>The <c>application/problem+json</c> answers of the agents' APIs.</summary>
internal static class AgentProblems
{
    /// <summary>The one answer to a wrong username, a wrong password or a disabled account.</summary>
    public static ProblemHttpResult LoginRefused() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Login refused", detail: "Wrong username or password.");

    public static ProblemHttpResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult Forbidden(string detail) => Of(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ProblemHttpResult Conflict(string detail) => Of(StatusCodes.Status409Conflict, "Conflict", detail);

    /// <summary>429 with <c>Retry-After</c> in whole seconds.</summary>
    public static ProblemHttpResult TooMany(HttpContext http, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(http);
        var seconds = AttemptThrottle.RetryAfterSeconds(wait);
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Of(StatusCodes.Status429TooManyRequests, "Too many attempts", $"Too many failed attempts; try again in {seconds} seconds.");
    }

    private static ProblemHttpResult Of(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
