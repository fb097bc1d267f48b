using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace PinCovisor.Web.Hub;

/// <summary>
/// Refuses hub requests (negotiate and the WebSocket/SSE/long-polling connection itself) whose
/// <c>Origin</c> is neither this host nor in <see cref="CovisorHubOptions.AllowedOrigins"/>, with a
/// bare 403. Browsers always send Origin on these requests and do not apply CORS to WebSockets, so
/// without this a page on any site could open the hub with an agent's cookie. Requests without
/// Origin come from native clients, which hold a bearer token rather than a cookie.
/// </summary>
internal static class OriginCheck
{
    /// <summary>Wraps the endpoint's delegate with the check.</summary>
    public static RequestDelegate Guard(RequestDelegate inner) => async context =>
    {
        var options = context.RequestServices.GetRequiredService<IOptions<CovisorHubOptions>>().Value;
        if (!IsAllowed(context.Request, options.AllowedOrigins))
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OriginCheck));
            HubLog.OriginRefused(logger, context.Request.Headers[HeaderNames.Origin].ToString());
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await inner(context).ConfigureAwait(false);
    };

    public static bool IsAllowed(HttpRequest request, IEnumerable<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origins = request.Headers[HeaderNames.Origin];
        if (origins.Count == 0)
        {
            return true;
        }

        if (origins.Count > 1 || Normalise(origins[0]) is not { } origin)
        {
            return false;
        }

        var own = Normalise($"{request.Scheme}://{request.Host}");
        return origin == own || allowed.Any(a => Normalise(a) == origin);
    }

    /// <summary>scheme://host[:port] in lower case without default port or trailing slash; null for "null" and junk.</summary>
    internal static string? Normalise(string? origin) =>
        Uri.TryCreate(origin?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped).ToLowerInvariant()
            : null;
}
