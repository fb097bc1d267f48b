using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace PinCovisor.Web.Hub;

/// <summary>
/// Turns a Redis outage (down, restarting, unreachable, too slow) met by a hub call into
/// <see cref="HubErrors.Unavailable"/>: the client keeps its connection, shows a message that says
/// what happened, and can send the same call again once Redis is back (chat message ids make a
/// resend land once). Without it the client would get SignalR's blanket "unexpected error".
/// </summary>
internal sealed class HubRedisOutageFilter(ILogger<HubRedisOutageFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            HubLog.RedisUnavailable(logger, invocationContext.HubMethodName, invocationContext.Context.ConnectionId, e.GetType().Name);
            throw HubErrors.Unavailable();
        }
    }
}
