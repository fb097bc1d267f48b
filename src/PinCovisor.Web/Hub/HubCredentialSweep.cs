using Microsoft.Extensions.Options;
using PhoneBridge.Agents;
using PinCovisor.Web.Auth;
using StackExchange.Redis;

namespace PinCovisor.Web.Hub;

/// <summary>
/// Every <see cref="CovisorHubOptions.CredentialCheckInterval"/>, asks Redis in one batch whether
/// the tokens of this host's connections are still live, cuts off those whose token died or whose
/// agent is disabled, and renews their places in the connection count. The control channel cuts a
/// dead credential's connections within moments; this is the backstop for a host that missed the
/// message (pub/sub delivers at most once, and not at all to a host whose subscription was down).
/// </summary>
internal sealed class HubCredentialSweep(
    HubConnections connections,
    RedisAccessTokens tokens,
    IAgentDirectory agents,
    HubConnectionLeases leases,
    HubControl control,
    IOptions<CovisorHubOptions> options,
    TimeProvider time,
    ILogger<HubCredentialSweep> logger) : BackgroundService
{
    // One pipeline per this many tokens: a host holding thousands of connections sends a few batches.
    private const int BatchSize = 500;

    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CredentialCheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }

    /// <summary>One pass over this host's connections.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken = default)
    {
        var cut = 0;
        try
        {
            foreach (var batch in connections.ByToken().Chunk(BatchSize))
            {
                var renewed = leases.RenewAsync(
                    batch.Select(b => (b.TokenId, (IReadOnlyList<string>)[.. b.Connections.Select(c => c.ConnectionId)])), cancellationToken);
                var checkedTokens = tokens.AreLiveAsync([.. batch.Select(b => b.TokenId)], cancellationToken);
                await Task.WhenAll(renewed, checkedTokens).ConfigureAwait(false);
                var live = await checkedTokens.ConfigureAwait(false);
                for (var i = 0; i < batch.Length; i++)
                {
                    foreach (var context in batch[i].Connections.Where(c => !live[i] || IsDisabledAgent(c)))
                    {
                        await control.CutOffAsync(context).ConfigureAwait(false);
                        cut++;
                    }
                }
            }

            _failing = false;
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException or TimeoutException)
        {
            // Unknown is not dead: nothing is cut while Redis cannot answer. Logged once per outage.
            if (!_failing)
            {
                _failing = true;
                HubLog.SweepFailed(logger, e.GetType().Name);
            }
        }

        if (cut > 0)
        {
            HubLog.SweepCut(logger, cut);
        }
    }

    private bool IsDisabledAgent(Microsoft.AspNetCore.SignalR.HubCallerContext context) =>
        HubConnectionState.TryOf(context)?.Caller is { IsAgent: true } caller && agents.FindByUsername(caller.Subject) is null;
}
