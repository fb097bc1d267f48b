using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Auth;

namespace PinCovisor.Web.Telemetry;

/// <summary>
/// Stands before the Prometheus exporter on the main port: the scrape token as a bearer, or an
/// enabled admin's session (read from Redis on each scrape, as <see cref="AdminOnlyFilter"/> does),
/// else 401 or 403 as problem+json. Metrics say how busy the shop is and how its callers fare;
/// they are not for the public.
/// </summary>
internal static class MetricsAccess
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (Bearer(context.Request) is { } presented && !string.IsNullOrEmpty(options.ScrapeToken))
        {
            await (Matches(presented, options.ScrapeToken) ? next(context) : RefuseAsync(context, StatusCodes.Status401Unauthorized))
                .ConfigureAwait(false);
            return;
        }

        var username = context.User.AgentUsername();
        if (username is null)
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized).ConfigureAwait(false);
            return;
        }

        var accounts = context.RequestServices.GetRequiredService<RedisAgentAccounts>();
        var account = await accounts.GetAsync(username, context.RequestAborted).ConfigureAwait(false);
        await (account is { IsAdmin: true, Disabled: false } ? next(context) : RefuseAsync(context, StatusCodes.Status403Forbidden))
            .ConfigureAwait(false);
    }

    private static string? Bearer(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;

    // Hashes first, so the comparison takes the same time whatever the lengths.
    private static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static Task RefuseAsync(HttpContext context, int status)
    {
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return TypedResults.Problem(
            statusCode: status,
            title: status == StatusCodes.Status401Unauthorized ? "Sign-in required" : "Forbidden",
            detail: status == StatusCodes.Status401Unauthorized
                ? "Metrics are for administrators, or for a scraper that presents the scrape token (Metrics:ScrapeToken)."
                : "Only administrators may read metrics.").ExecuteAsync(context);
    }
}
