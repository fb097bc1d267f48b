using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using StackExchange.Redis;

namespace PinCovisor.Web.Hosting;

/// <summary>
/// A request that meets a Redis outage (down, restarting, unreachable, too slow) gets a 503
/// problem+json saying the service is briefly unavailable, with <c>Retry-After</c>, instead of a bare
/// 500: nothing went wrong with the request, and the same request will work once Redis is back.
/// That covers the JSON APIs and the hub's negotiation (whose 503 the clients' reconnect retries).
/// Twilio's webhooks never get here: they answer TwiML or their own 503 themselves.
/// </summary>
internal sealed partial class RedisOutageHandler(IProblemDetailsService problems, ILogger<RedisOutageHandler> logger) : IExceptionHandler
{
    public const string Detail = "The service is briefly unavailable; try again in a moment.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not (RedisConnectionException or RedisTimeoutException))
        {
            return false;
        }

        Unavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Briefly unavailable",
                Detail = Detail,
            },
            Exception = exception,
        }).ConfigureAwait(false);
    }

    [LoggerMessage(2002, LogLevel.Warning, "{Method} {Path} could not reach Redis ({Reason}); answered 503")]
    private static partial void Unavailable(ILogger logger, string method, string path, string reason);
}
