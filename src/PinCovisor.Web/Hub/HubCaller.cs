using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Hub;

/// <summary>Who is on a connection, read once from its credential.</summary>
/// <param name="IsAgent">An agent (else a customer).</param>
/// <param name="Subject">The agent's username or the customer's participant id.</param>
/// <param name="CustomerSession">The one session a customer's token names; null for agents.</param>
/// <param name="Author">How their events are signed.</param>
internal sealed record HubCaller(bool IsAgent, string Subject, string? CustomerSession, EventAuthor Author);

/// <summary>
/// What the hub remembers about one connection (kept in <see cref="HubCallerContext.Items"/>): who
/// it is, which sessions it follows, and recent positive access checks.
/// </summary>
internal sealed class HubConnectionState(HubCaller caller, string? tokenId)
{
    private static readonly object Key = new();
    // A connection holds one or two sessions, and thousands of connections are held at once: the
    // dictionaries start at their smallest (the default sizing costs ~600 bytes each, per connection).
    private readonly ConcurrentDictionary<string, (CovisorSession Session, DateTimeOffset Until)> _granted = new(1, 1, StringComparer.Ordinal);

    public HubCaller Caller { get; } = caller;

    /// <summary>
    /// The id (<see cref="Auth.CovisorClaims.TokenId"/>) of the token the connection opened with,
    /// the bearer's or the one behind the console cookie: what a revocation names, so the
    /// connection is cut when it dies (logout, disabled agent, turned-away device). Null only for a
    /// principal without one, which no scheme issues.
    /// </summary>
    public string? TokenId { get; } = tokenId;

    private int _cutOff;

    /// <summary>True the first time only: the connection is being cut off, later requests to do it again do nothing.</summary>
    public bool TryMarkCutOff() => Interlocked.Exchange(ref _cutOff, 1) == 0;

    /// <summary>Sessions this connection is tracked in (joined, or waiting in the lobby of).</summary>
    public ConcurrentDictionary<string, byte> Sessions { get; } = new(1, 1, StringComparer.Ordinal);

    public static HubConnectionState Of(HubCallerContext context) =>
        TryOf(context) ?? throw new HubException("The connection is not ready; reconnect and try again.");

    public static HubConnectionState? TryOf(HubCallerContext context) =>
        context.Items.TryGetValue(Key, out var state) ? state as HubConnectionState : null;

    public static void Attach(HubCallerContext context, HubConnectionState state) => context.Items[Key] = state;

    public bool TryGetGranted(string sessionId, DateTimeOffset now, out CovisorSession session)
    {
        if (_granted.TryGetValue(sessionId, out var entry) && entry.Until > now)
        {
            session = entry.Session;
            return true;
        }

        session = null!;
        return false;
    }

    public void Grant(string sessionId, CovisorSession session, DateTimeOffset until) => _granted[sessionId] = (session, until);

    /// <summary>Drops the cached decision, so the next call asks the store again.</summary>
    public void Forget(string sessionId) => _granted.TryRemove(sessionId, out _);
}
