using StackExchange.Redis;

namespace PinCovisor.Web.Sessions;

/// <summary>
/// Sessions waiting out their call's grace period: a sorted set scored by when each closes, shared
/// by every host. Removing an entry is the claim, so however many hosts poll, one closes it.
/// </summary>
internal sealed class SessionClosingQueue(IConnectionMultiplexer redis)
{
    private const int Batch = 100;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// Schedules the session to close at <paramref name="closeAt"/> unless it is scheduled already:
    /// the first schedule stands, so a repeated call end cannot put the close off.
    /// </summary>
    public Task ScheduleAsync(string sessionId, DateTimeOffset closeAt, CancellationToken cancellationToken = default) =>
        Db.SortedSetAddAsync(SessionKeys.Closing, sessionId, closeAt.ToUnixTimeMilliseconds(), SortedSetWhen.NotExists).WaitAsync(cancellationToken);

    /// <summary>The sessions due at <paramref name="now"/> that this host claimed (removed first).</summary>
    public async Task<IReadOnlyList<string>> ClaimDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var due = await Db.SortedSetRangeByScoreAsync(SessionKeys.Closing, double.NegativeInfinity, now.ToUnixTimeMilliseconds(),
            take: Batch).WaitAsync(cancellationToken).ConfigureAwait(false);
        var claimed = new List<string>();
        foreach (var id in due)
        {
            if (await Db.SortedSetRemoveAsync(SessionKeys.Closing, id).WaitAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(id.ToString());
            }
        }

        return claimed;
    }
}
