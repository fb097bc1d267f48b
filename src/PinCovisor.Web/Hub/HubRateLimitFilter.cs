using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PinCovisor.Web.Auth;

namespace PinCovisor.Web.Hub;

/// <summary>
/// Limits each credential (token) to <see cref="CovisorHubOptions.MessagesPerSecond"/> hub calls
/// (bursts of <see cref="CovisorHubOptions.MessagesBurst"/>), one bucket shared by all its
/// connections on this host, so opening more connections buys no more calls. An over-eager client
/// gets a <see cref="HubException"/> per refused call and keeps its connection.
/// </summary>
internal sealed class HubRateLimitFilter(TimeProvider time, IOptions<CovisorHubOptions> options, ILogger<HubRateLimitFilter> logger)
    : IHubFilter, IDisposable
{
    // A bucket idle this long is full again at any allowed rate, so forgetting it loses nothing;
    // kept by use rather than by connection, so closing and reopening connections resets nothing.
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _buckets = new(new MemoryCacheOptions());

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var connection = invocationContext.Context;
        var key = connection.User?.FindFirstValue(CovisorClaims.TokenId) ?? connection.ConnectionId;
        var bucket = _buckets.GetOrCreate(key, entry =>
        {
            entry.SlidingExpiration = Idle;
            return new TokenBucket(time, options.Value.MessagesPerSecond, options.Value.MessagesBurst);
        })!;
        if (!bucket.TryTake(out var firstRefusal))
        {
            if (firstRefusal)
            {
                HubLog.RateLimited(logger, connection.ConnectionId, invocationContext.HubMethodName);
            }

            throw HubErrors.TooFast();
        }

        return next(invocationContext);
    }

    public void Dispose() => _buckets.Dispose();
}
