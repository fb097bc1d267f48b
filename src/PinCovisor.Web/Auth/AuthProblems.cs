namespace PinCovisor.Web.Auth;

/// <summary>401 and 403 from the authentication schemes, as problem+json like every other API error.</summary>
internal static class AuthProblems
{
    public static async Task WriteAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = status,
                Title = status == StatusCodes.Status401Unauthorized ? "Sign-in required" : "Not allowed",
                Detail = status == StatusCodes.Status401Unauthorized
                    ? "This needs a valid session or agent token; it is missing, expired or revoked."
                    : "Your token does not allow this.",
            },
        }).ConfigureAwait(false);
    }
}
