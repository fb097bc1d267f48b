using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace PinCovisor.Web.Hub;

/// <summary>What one host asks every host (itself included) to do with some connections.</summary>
/// <param name="Action">One of the <see cref="HubControl"/> action constants.</param>
/// <param name="SessionId">The session; empty for the credential actions, which name no session.</param>
/// <param name="Subject">
/// The previous agent (agent-changed), the participant (rejected), the token id (token-revoked) or
/// the agent (agent-disabled).
/// </param>
internal sealed record ControlMessage(string Action, string SessionId, string? Subject = null)
{
    /// <summary>Every connection opened with this token must go.</summary>
    public static ControlMessage ForToken(string tokenId) => new(HubControl.TokenRevoked, "", tokenId);

    /// <summary>Every connection of this agent must go, whatever its token.</summary>
    public static ControlMessage ForAgent(string username) => new(HubControl.AgentDisabled, "", username);
}

/// <summary>
/// A Redis pub/sub channel between hosts. Group membership and aborts act on live connections,
/// which only their own host can touch; when a session ends, changes hands or turns a device away,
/// or a credential dies (logout, revoked token, disabled agent), the host that learnt it publishes
/// here and each host drops its own connections. Pub/sub delivers at most once: a host that missed
/// a credential's death still cuts its connections at the next <see cref="HubCredentialSweep"/>.
/// </summary>
internal sealed partial class HubControl(
    IConnectionMultiplexer redis,
    HubConnections connections,
    IHubContext<CovisorHub, ICovisorClient> hub,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<HubControl> logger) : IHostedService
{
    public const string Closed = "closed";
    public const string AgentChanged = "agent-changed";
    public const string Admitted = "admitted";
    public const string Rejected = "rejected";
    public const string TokenRevoked = "token-revoked";
    public const string AgentDisabled = "agent-disabled";

    /// <summary>Tells every host; a failure is logged, not thrown (the event itself is already in the log).</summary>
    public async Task PublishAsync(ControlMessage message)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(HubKeys.Control, JsonSerializer.Serialize(message)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            HubLog.ControlFailed(logger, message.Action, message.SessionId, e);
        }
    }

    /// <summary>Subscribes before the host takes connections; if Redis is down, keeps trying in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // With Redis down at boot a subscription would wait out the client's timeout and hold the
        // host's start (and the IVR with it); the background loop subscribes when Redis appears.
        if (!redis.IsConnected || !await TrySubscribeAsync().ConfigureAwait(false))
        {
            // Tied to the application's lifetime rather than a token of our own: the container may be
            // disposed before hosted services are stopped (test hosts do that), and nothing here needs disposing.
            _ = RetryAsync(lifetime.ApplicationStopping);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Drops this host's connections as <paramref name="message"/> says.</summary>
    public async Task ApplyAsync(ControlMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var dead = message switch
        {
            { Action: TokenRevoked, Subject: { } tokenId } => connections.WithToken(tokenId),
            { Action: AgentDisabled, Subject: { } username } => connections.OfAgent(username),
            _ => null,
        };
        if (dead is not null)
        {
            foreach (var context in dead)
            {
                await CutOffAsync(context).ConfigureAwait(false);
            }

            return;
        }

        foreach (var context in connections.In(message.SessionId))
        {
            if (HubConnectionState.TryOf(context) is not { } state)
            {
                continue;
            }

            state.Forget(message.SessionId);
            var caller = state.Caller;
            var cut = message.Action switch
            {
                Closed => true,
                AgentChanged => caller.IsAgent && caller.Subject == message.Subject,
                Rejected => !caller.IsAgent && caller.Subject == message.Subject,
                _ => false,
            };
            if (cut)
            {
                await DropAsync(context, message.SessionId, caller).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Cuts one connection off everything it follows at once, and closes it a moment later so the
    /// refusal that says why still reaches the client (closing at once would swallow it).
    /// </summary>
    public async Task CutOffAsync(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (HubConnectionState.TryOf(context) is not { } state || !state.TryMarkCutOff())
        {
            return;
        }

        foreach (var sessionId in state.Sessions.Keys)
        {
            connections.Untrack(sessionId, context);
            await RemoveAsync(context, HubGroups.All(sessionId, state.Caller)).ConfigureAwait(false);
        }

        if (state.Caller.IsAgent)
        {
            await hub.Groups.RemoveFromGroupAsync(context.ConnectionId, HubGroups.Agent(state.Caller.Subject)).ConfigureAwait(false);
        }

        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            context.Abort();
            timer?.Dispose();
        }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        HubLog.CutOff(logger, context.ConnectionId);
    }

    private async Task DropAsync(HubCallerContext context, string sessionId, HubCaller caller)
    {
        connections.Untrack(sessionId, context);
        await RemoveAsync(context, HubGroups.All(sessionId, caller)).ConfigureAwait(false);
        if (!caller.IsAgent)
        {
            // A customer's connection serves one session only, and their token is revoked by now:
            // closing it stops delivery at once and their reconnect is refused.
            context.Abort();
        }

        HubLog.Dropped(logger, context.ConnectionId, sessionId);
    }

    private async Task RemoveAsync(HubCallerContext context, IEnumerable<string> groups)
    {
        foreach (var group in groups)
        {
            await hub.Groups.RemoveFromGroupAsync(context.ConnectionId, group).ConfigureAwait(false);
        }
    }

    private async Task<bool> TrySubscribeAsync()
    {
        try
        {
            var queue = await redis.GetSubscriber().SubscribeAsync(HubKeys.Control).ConfigureAwait(false);
            queue.OnMessage(OnMessageAsync);
            return true;
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            HubLog.SubscribeFailed(logger, e);
            // The failed attempt stays registered in the client, which would make it when Redis
            // returns: a second listener, with no handler, buffering every control message for
            // good. Only this class listens on the channel, so dropping it locally drops just that.
            await redis.GetSubscriber().UnsubscribeAsync(HubKeys.Control).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return false;
        }
    }

    private async Task OnMessageAsync(ChannelMessage delivered)
    {
        try
        {
            if (JsonSerializer.Deserialize<ControlMessage>(delivered.Message.ToString()) is { } message)
            {
                await ApplyAsync(message).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or RedisException or RedisTimeoutException)
        {
            // One bad message must not stop the queue: later ends and transfers still have to land.
            HubLog.ControlFailed(logger, "apply", delivered.Message.ToString(), e);
        }
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!cancellationToken.IsCancellationRequested && await TrySubscribeAsync().ConfigureAwait(false))
            {
                return;
            }
        }
    }
}
