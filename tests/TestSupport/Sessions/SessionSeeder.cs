using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Sessions;

namespace PhoneBridge.Testing.Sessions;

/// <summary>A session ready to use: an admitted customer and the agent in charge, each with a bearer token.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="CallSid">The (fresh, never dialled) call it belongs to.</param>
/// <param name="ParticipantId">The admitted customer's participant id.</param>
/// <param name="CustomerToken">The customer's bearer token for this session.</param>
/// <param name="Agent">The agent in charge.</param>
/// <param name="AgentToken">A bearer token for <paramref name="Agent"/>.</param>
public sealed record SeededSession(
    string SessionId, string CallSid, string ParticipantId, string CustomerToken, string Agent, string AgentToken);

/// <summary>
/// Opens sessions straight through the host's own services (no call, no PIN), for tests of what
/// happens inside a session: the hub, media, transcripts.
/// </summary>
public static class SessionSeeder
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Opens a session for a fresh CallSid with <paramref name="agent"/> in charge, adds one admitted
    /// customer, and issues four-hour tokens (by the host's clock) to both.
    /// </summary>
    public static async Task<SeededSession> SeedAsync(PinCovisorHost host, string agent = "ana", string device = "Firefox on Linux")
    {
        ArgumentNullException.ThrowIfNull(host);
        var services = host.Services;
        var store = services.GetRequiredService<RedisSessionStore>();
        var tokens = services.GetRequiredService<RedisAccessTokens>();
        var expires = Expiry(host);

        var callSid = TwilioCaller.NewCallSid();
        var session = await store.OpenForCallAsync(callSid, agent).WaitAsync(Timeout);
        var participant = await store.AddParticipantAsync(session.Id, AdmissionState.Admitted, device).WaitAsync(Timeout);
        var customerToken = await AddCustomerTokenAsync(host, session.Id, participant.Id, expires);
        var agentToken = await tokens.IssueAsync(new AccessGrant(AccessKind.Agent, agent, null, expires)).WaitAsync(Timeout);
        return new SeededSession(session.Id, callSid, participant.Id, customerToken, agent, agentToken);
    }

    /// <summary>Adds another customer device to a session, in the given admission state, and returns (participant id, token).</summary>
    public static async Task<(string ParticipantId, string Token)> AddCustomerAsync(
        PinCovisorHost host, string sessionId, AdmissionState admission = AdmissionState.Admitted, string device = "Safari on iPhone")
    {
        ArgumentNullException.ThrowIfNull(host);
        var store = host.Services.GetRequiredService<RedisSessionStore>();
        var expires = Expiry(host);
        var participant = await store.AddParticipantAsync(sessionId, admission, device).WaitAsync(Timeout);
        return (participant.Id, await AddCustomerTokenAsync(host, sessionId, participant.Id, expires));
    }

    /// <summary>A bearer token for an agent (by the host's clock, four hours).</summary>
    public static Task<string> AgentTokenAsync(PinCovisorHost host, string agent)
    {
        ArgumentNullException.ThrowIfNull(host);
        var expires = Expiry(host);
        return host.Services.GetRequiredService<RedisAccessTokens>()
            .IssueAsync(new AccessGrant(AccessKind.Agent, agent, null, expires)).WaitAsync(Timeout);
    }

    /// <summary>
    /// Four hours from now by the host's clock. SignalR closes a connection once its credential's
    /// expiry is past by the system clock, so a host clock more than that far behind would have every
    /// hub connection cut within a second of opening: refused here, with the fix (<see cref="TestClock"/>).
    /// </summary>
    private static DateTimeOffset Expiry(PinCovisorHost host)
    {
        var expires = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(4);
        return expires > DateTimeOffset.UtcNow
            ? expires
            : throw new InvalidOperationException(
                $"The host's clock is behind the system clock: a token expiring at {expires:O} would have SignalR close its connection at once. Start the fake clock at TestClock.RandomInstantAhead().");
    }

    private static async Task<string> AddCustomerTokenAsync(PinCovisorHost host, string sessionId, string participantId, DateTimeOffset expires)
    {
        var tokens = host.Services.GetRequiredService<RedisAccessTokens>();
        var token = await tokens.IssueAsync(new AccessGrant(AccessKind.Customer, participantId, sessionId, expires)).WaitAsync(Timeout);
        var validated = await tokens.ValidateAsync(token).WaitAsync(Timeout);
        await host.Services.GetRequiredService<RedisSessionStore>()
            .RememberTokenAsync(sessionId, participantId, validated!.Value.TokenId).WaitAsync(Timeout);
        return token;
    }
}
