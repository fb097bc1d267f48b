using Microsoft.AspNetCore.SignalR;

namespace PinCovisor.Web.Hub;

/// <summary>
/// This host's connections per session and per credential, so a session's end or transfer, or a
/// credential's death (announced by any host on the control channel), can drop exactly the
/// connections concerned from their groups and cut them off.
/// </summary>
internal sealed class HubConnections
{
    private const string TokenPrefix = "token:";
    private const string AgentPrefix = "agent:";

    // One lock: tracking happens once per connection and join, far too rarely for contention to
    // matter, and it keeps "last connection leaves" and "a new one arrives" from losing the new one.
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, HubCallerContext>> _bySession = new(StringComparer.Ordinal);
    // Keyed "token:<id>" and "agent:<username>": what revocations and disables name.
    private readonly Dictionary<string, Dictionary<string, HubCallerContext>> _byCredential = new(StringComparer.Ordinal);

    public void Track(string sessionId, HubCallerContext context)
    {
        HubConnectionState.Of(context).Sessions[sessionId] = 0;
        lock (_lock)
        {
            Add(_bySession, sessionId, context);
        }
    }

    public void Untrack(string sessionId, HubCallerContext context)
    {
        HubConnectionState.Of(context).Sessions.TryRemove(sessionId, out _);
        lock (_lock)
        {
            Remove(_bySession, sessionId, context);
        }
    }

    /// <summary>Tracks the connection under its token and, for an agent, their username.</summary>
    public void TrackCredential(HubCallerContext context)
    {
        var state = HubConnectionState.Of(context);
        lock (_lock)
        {
            foreach (var key in CredentialKeys(state))
            {
                Add(_byCredential, key, context);
            }
        }
    }

    /// <summary>Forgets the connection everywhere (it closed, or never finished opening).</summary>
    public void UntrackAll(HubCallerContext context)
    {
        if (HubConnectionState.TryOf(context) is not { } state)
        {
            return;
        }

        foreach (var sessionId in state.Sessions.Keys)
        {
            Untrack(sessionId, context);
        }

        lock (_lock)
        {
            foreach (var key in CredentialKeys(state))
            {
                Remove(_byCredential, key, context);
            }
        }
    }

    /// <summary>This host's connections tracked in the session.</summary>
    public IReadOnlyList<HubCallerContext> In(string sessionId) => Read(_bySession, sessionId);

    /// <summary>This host's connections opened with the token.</summary>
    public IReadOnlyList<HubCallerContext> WithToken(string tokenId) => Read(_byCredential, TokenPrefix + tokenId);

    /// <summary>This host's connections of the agent, whatever their token.</summary>
    public IReadOnlyList<HubCallerContext> OfAgent(string username) => Read(_byCredential, AgentPrefix + username);

    /// <summary>Every token this host's connections opened with, and those connections.</summary>
    public IReadOnlyList<(string TokenId, IReadOnlyList<HubCallerContext> Connections)> ByToken()
    {
        lock (_lock)
        {
            return [.. _byCredential
                .Where(p => p.Key.StartsWith(TokenPrefix, StringComparison.Ordinal))
                .Select(p => (p.Key[TokenPrefix.Length..], (IReadOnlyList<HubCallerContext>)[.. p.Value.Values]))];
        }
    }

    private static IEnumerable<string> CredentialKeys(HubConnectionState state)
    {
        if (state.TokenId is { } tokenId)
        {
            yield return TokenPrefix + tokenId;
        }

        if (state.Caller.IsAgent)
        {
            yield return AgentPrefix + state.Caller.Subject;
        }
    }

    private IReadOnlyList<HubCallerContext> Read(Dictionary<string, Dictionary<string, HubCallerContext>> map, string key)
    {
        lock (_lock)
        {
            return map.TryGetValue(key, out var connections) ? [.. connections.Values] : [];
        }
    }

    private static void Add(Dictionary<string, Dictionary<string, HubCallerContext>> map, string key, HubCallerContext context)
    {
        if (!map.TryGetValue(key, out var connections))
        {
            // Most keys hold one or two connections, and thousands are held at once.
            connections = new Dictionary<string, HubCallerContext>(1, StringComparer.Ordinal);
            map[key] = connections;
        }

        connections[context.ConnectionId] = context;
    }

    private static void Remove(Dictionary<string, Dictionary<string, HubCallerContext>> map, string key, HubCallerContext context)
    {
        if (map.TryGetValue(key, out var connections) && connections.Remove(context.ConnectionId) && connections.Count == 0)
        {
            map.Remove(key);
        }
    }
}
