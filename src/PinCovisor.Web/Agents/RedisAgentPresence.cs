using System.Globalization;
using StackExchange.Redis;

namespace PinCovisor.Web.Agents;

/// <summary>
/// Agents' presence, shared by every host (the hub may push changes to consoles), in one Redis hash (<c>&lt;username&gt;:status</c>, <c>&lt;username&gt;:seen</c>),
/// so listing every agent is one read and setting both fields is one atomic HSET.
/// </summary>
internal sealed class RedisAgentPresence(IConnectionMultiplexer redis, AgentDirectory directory, TimeProvider time)
{
    private IDatabase Db => redis.GetDatabase();

    /// <summary>Sets the agent's status and last-seen time.</summary>
    public async Task<AgentPresenceEntry> SetAsync(string username, AgentStatus status, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await Db.HashSetAsync(AgentKeys.Presence,
            [new HashEntry(username + ":status", AgentStatuses.ToWire(status)), new HashEntry(username + ":seen", now.ToUnixTimeMilliseconds())])
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return new AgentPresenceEntry(username, directory.FindByUsername(username)?.DisplayName ?? username, status, now);
    }

    /// <summary>Moves the agent's last-seen time to now, keeping the status (e.g. on hub activity).</summary>
    public Task TouchAsync(string username, CancellationToken cancellationToken = default) =>
        Db.HashSetAsync(AgentKeys.Presence, username + ":seen", time.GetUtcNow().ToUnixTimeMilliseconds()).WaitAsync(cancellationToken);

    /// <summary>Every enabled agent with their presence, in directory order.</summary>
    public async Task<IReadOnlyList<AgentPresenceEntry>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var entries = await Db.HashGetAllAsync(AgentKeys.Presence).WaitAsync(cancellationToken).ConfigureAwait(false);
        var hash = entries.ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);
        return directory.All.Where(a => !a.Disabled).Select(a =>
        {
            var status = AgentStatuses.TryParse(hash.GetValueOrDefault(a.Username + ":status"), out var parsed) ? parsed : AgentStatus.Away;
            DateTimeOffset? seen = long.TryParse(hash.GetValueOrDefault(a.Username + ":seen"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : null;
            return new AgentPresenceEntry(a.Username, a.DisplayName, status, seen);
        }).ToList();
    }
}
