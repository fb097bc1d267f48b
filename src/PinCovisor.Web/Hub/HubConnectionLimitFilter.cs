using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PinCovisor.Web.Auth;
using StackExchange.Redis;

namespace PinCovisor.Web.Hub;

/// <summary>
/// Refuses a connection past the token's cap (<see cref="CovisorHubOptions.MaxCustomerConnections"/>,
/// <see cref="CovisorHubOptions.MaxAgentConnections"/>), counted across hosts by
/// <see cref="HubConnectionLeases"/>, and logs every refusal of a connection at the level it
/// deserves (SignalR's own error for it is dropped, see <see cref="HubConnectRefusalLogFilter"/>).
/// </summary>
internal sealed class HubConnectionLimitFilter(
    HubConnectionLeases leases, IOptions<CovisorHubOptions> options, ILogger<HubConnectionLimitFilter> logger) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var connection = context.Context;
        var tokenId = connection.User?.FindFirstValue(CovisorClaims.TokenId);
        try
        {
            if (tokenId is not null && !await TryTakeAsync(connection, tokenId).ConfigureAwait(false))
            {
                HubLog.TooManyConnections(logger, connection.ConnectionId);
                throw HubErrors.TooManyConnections();
            }

            await next(context).ConfigureAwait(false);
        }
        catch (HubException refusal)
        {
            HubLog.Refused(logger, nameof(OnConnectedAsync), connection.ConnectionId, refusal.Message);
            await ReleaseAsync(tokenId, connection.ConnectionId).ConfigureAwait(false);
            throw;
        }
        catch (Exception fault) when (fault is not OperationCanceledException)
        {
            HubLog.Failed(logger, nameof(OnConnectedAsync), connection.ConnectionId, fault);
            await ReleaseAsync(tokenId, connection.ConnectionId).ConfigureAwait(false);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context, exception).ConfigureAwait(false);
        }
        finally
        {
            await ReleaseAsync(context.Context.User?.FindFirstValue(CovisorClaims.TokenId), context.Context.ConnectionId).ConfigureAwait(false);
        }
    }

    private async Task<bool> TryTakeAsync(HubCallerContext connection, string tokenId)
    {
        var settings = options.Value;
        var max = connection.User!.IsAgent() ? settings.MaxAgentConnections : settings.MaxCustomerConnections;
        try
        {
            return await leases.TryTakeAsync(tokenId, connection.ConnectionId, max, connection.ConnectionAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            // Nothing can be stored while Redis is away, which is what the cap protects: let it in.
            HubLog.ConnectionCountUnavailable(logger, connection.ConnectionId, e.GetType().Name);
            return true;
        }
    }

    private async Task ReleaseAsync(string? tokenId, string connectionId)
    {
        if (tokenId is null)
        {
            return;
        }

        try
        {
            await leases.ReleaseAsync(tokenId, connectionId).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            // The place lapses by itself when this host stops renewing it.
            HubLog.ConnectionCountUnavailable(logger, connectionId, e.GetType().Name);
        }
    }
}
