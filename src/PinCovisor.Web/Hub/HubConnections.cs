using Microsoft.AspNetCore.SignalR;

namespace PinCovisor.Web.Hub;

/// <summary>
/// This host's connections per session, so a session's end or transfer (announced by any host on
/// the control channel) can drop them from groups and cut customers off.
/// </summary>
internal sealed class HubConnections
{
    // One lock: tracking happens once per join, far too rarely for contention to matter, and it
    // keeps "last connection leaves" and "a new one arrives" from losing the new one.
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, HubCallerContext>> _bySession = new(StringComparer.Ordinal);

    public void Track(string sessionId, HubCallerContext context)
    {
        HubConnectionState.Of(context).Sessions[sessionId] = 0;
        lock (_lock)
        {
            if (!_bySession.TryGetValue(sessionId, out var connections))
            {
                connections = new Dictionary<string, HubCallerContext>(StringComparer.Ordinal);
                _bySession[sessionId] = connections;
            }

            connections[context.ConnectionId] = context;
        }
    }

    public void Untrack(string sessionId, HubCallerContext context)
    {
        HubConnectionState.Of(context).Sessions.TryRemove(sessionId, out _);
        lock (_lock)
        {
            if (_bySession.TryGetValue(sessionId, out var connections)
                && connections.Remove(context.ConnectionId) && connections.Count == 0)
            {
                _bySession.Remove(sessionId);
            }
        }
    }

    public void UntrackAll(HubCallerContext context)
    {
        foreach (var sessionId in HubConnectionState.TryOf(context)?.Sessions.Keys ?? [])
        {
            Untrack(sessionId, context);
        }
    }

    /// <summary>This host's connections tracked in the session.</summary>
    public IReadOnlyList<HubCallerContext> In(string sessionId)
    {
        lock (_lock)
        {
            return _bySession.TryGetValue(sessionId, out var connections) ? [.. connections.Values] : [];
        }
    }
}
