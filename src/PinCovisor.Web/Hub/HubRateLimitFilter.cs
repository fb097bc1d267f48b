using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Hub;

/// <summary>
/// Limits each connection to <see cref="CovisorHubOptions.MessagesPerSecond"/> hub calls (bursts of
/// <see cref="CovisorHubOptions.MessagesBurst"/>). An over-eager client gets a <see cref="HubException"/>
/// per refused call and keeps its connection.
/// </summary>
internal sealed class HubRateLimitFilter(TimeProvider time, IOptions<CovisorHubOptions> options, ILogger<HubRateLimitFilter> logger)
    : IHubFilter
{
    private static readonly object Key = new();

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var items = invocationContext.Context.Items;
        if (!items.TryGetValue(Key, out var found) || found is not TokenBucket bucket)
        {
            bucket = new TokenBucket(time, options.Value.MessagesPerSecond, options.Value.MessagesBurst);
            items[Key] = bucket;
        }

        if (!bucket.TryTake(out var firstRefusal))
        {
            if (firstRefusal)
            {
                HubLog.RateLimited(logger, invocationContext.Context.ConnectionId, invocationContext.HubMethodName);
            }

            throw HubErrors.TooFast();
        }

        return next(invocationContext);
    }
}
