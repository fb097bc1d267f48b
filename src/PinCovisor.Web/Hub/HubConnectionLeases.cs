using PhoneBridge.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PinCovisor.Web.Hub;

/// <summary>
/// Counts each token's open hub connections across every host, in Redis: a connection takes a
/// place when it opens and gives it back when it closes. A place lapses unless its host renews it
/// (every <see cref="CovisorHubOptions.CredentialCheckInterval"/>, see <see cref="HubCredentialSweep"/>),
/// so a host that dies frees its places within <see cref="Lease"/>.
/// </summary>
internal sealed class HubConnectionLeases(IConnectionMultiplexer redis, IOptions<CovisorHubOptions> options, TimeProvider time)
{
    // KEYS: the token's connections. ARGV: connection id, now (Unix ms), lapse (Unix ms), most places, key lifetime (ms).
    // Lapsed places go first, so a dead host's connections do not count; 1 when the place was taken, 0 when full.
    private static readonly EmbeddedScript Take = EmbeddedScript.Load(typeof(HubConnectionLeases), "take");

    /// <summary>How long a place lasts without renewal: three renewals missed.</summary>
    public TimeSpan Lease => options.Value.CredentialCheckInterval * 3;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Takes a place for the connection; false when the token already holds <paramref name="max"/>.</summary>
    public async Task<bool> TryTakeAsync(string tokenId, string connectionId, int max, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var lease = (long)Lease.TotalMilliseconds;
        var taken = await Take.RunAsync(Db, [HubKeys.Connections(tokenId)], [connectionId, now, now + lease, max, lease], cancellationToken).ConfigureAwait(false);
        return (long)taken == 1;
    }

    /// <summary>Gives the connection's place back.</summary>
    public Task ReleaseAsync(string tokenId, string connectionId) =>
        Db.SortedSetRemoveAsync(HubKeys.Connections(tokenId), connectionId);

    /// <summary>Renews the places of this host's connections, all in one pipeline.</summary>
    public async Task RenewAsync(IEnumerable<(string TokenId, IReadOnlyList<string> ConnectionIds)> held, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(held);
        var db = Db;
        var lapse = time.GetUtcNow() + Lease;
        var writes = new List<Task>();
        foreach (var (tokenId, connectionIds) in held)
        {
            var key = HubKeys.Connections(tokenId);
            writes.Add(db.SortedSetAddAsync(key, [.. connectionIds.Select(id => new SortedSetEntry(id, lapse.ToUnixTimeMilliseconds()))]));
            writes.Add(db.KeyExpireAsync(key, Lease));
        }

        await Task.WhenAll(writes).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
