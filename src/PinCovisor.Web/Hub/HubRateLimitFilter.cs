using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PinCovisor.Web.Auth;

namespace PinCovisor.Web.Hub;

/// <summary>
/// Limits each credential (token) to <see cref="CovisorHubOptions.MessagesPerSecond"/> hub calls
/// (bursts of <see cref="CovisorHubOptions.MessagesBurst"/>), one token bucket shared by all its
/// connections on this host, so opening more connections buys no more calls. An over-eager client
/// gets a <see cref="HubException"/> per refused call and keeps its connection.
/// </summary>
internal sealed class HubRateLimitFilter : IHubFilter, IDisposable
{
    // Set on a connection while its calls are refused, so a run of refusals is logged once, not per call.
    private static readonly object Refusing = new();

    private readonly ILogger<HubRateLimitFilter> _logger;

    // The partitioned limiter replenishes every bucket and forgets the ones that have stood full a
    // while (nothing is lost: a full bucket is what a new one starts as), so closing and reopening
    // connections resets nothing.
    private readonly PartitionedRateLimiter<HubCallerContext> _limiter;

    public HubRateLimitFilter(IOptions<CovisorHubOptions> options, ILogger<HubRateLimitFilter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        var bucket = BucketOptions(options.Value);
        _limiter = PartitionedRateLimiter.Create<HubCallerContext, string>(connection =>
            RateLimitPartition.GetTokenBucketLimiter(
                connection.User?.FindFirstValue(CovisorClaims.TokenId) ?? connection.ConnectionId, _ => bucket));
    }

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var connection = invocationContext.Context;
        using var lease = _limiter.AttemptAcquire(connection);
        if (!lease.IsAcquired)
        {
            if (connection.Items.TryAdd(Refusing, null))
            {
                HubLog.RateLimited(_logger, connection.ConnectionId, invocationContext.HubMethodName);
            }

            throw HubErrors.TooFast();
        }

        connection.Items.Remove(Refusing);
        return next(invocationContext);
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>
    /// A bucket of <c>MessagesBurst</c> tokens refilled one token per 1/<c>MessagesPerSecond</c> seconds
    /// (the limiter adds fractions of a token as time passes); refused calls are not queued.
    /// </summary>
    private static TokenBucketRateLimiterOptions BucketOptions(CovisorHubOptions options) => new()
    {
        TokenLimit = options.MessagesBurst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromTicks(Math.Max(1, (long)Math.Round(TimeSpan.TicksPerSecond / options.MessagesPerSecond))),
        QueueLimit = 0,
    };
}
