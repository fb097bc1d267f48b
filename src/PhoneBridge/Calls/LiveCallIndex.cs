using PhoneBridge.Redis;
using StackExchange.Redis;

namespace PhoneBridge.Calls;

/// <summary>
/// The calls that are not over yet (sorted set <c>pb:{calls}:live</c>: CallSid scored by its start
/// in Unix ms), so an agents' console can list them without scanning Redis.
/// </summary>
/// <remarks>
/// The index has its own hash tag, so it cannot share a Lua script with a call's record
/// (<c>{call:CA…}</c>) without breaking Redis Cluster. It is therefore updated by a second command
/// right after each call script. If that command is lost (Redis fails in between), the index is
/// only a view and heals on reading: a listed call whose record is gone or over is dropped then,
/// and entries older than the record lifetime are pruned. What can be missed is a call whose add
/// was lost; it is absent from the list though its record is intact.
/// </remarks>
internal sealed class LiveCallIndex(IDatabase database, RedisKey key)
{
    /// <summary>The index every host shares.</summary>
    public static readonly RedisKey DefaultKey = $"{RedisKeys.Prefix}{{calls}}:live";

    /// <summary>Most calls one listing reads; far above what one shop's agents can handle at once.</summary>
    public const int MaxListed = 1000;

    /// <summary>Adds the call unless it is already there, keeping its first start time.</summary>
    public Task AddAsync(CallRecord call) =>
        database.SortedSetAddAsync(key, call.CallSid, call.StartedAt.ToUnixTimeMilliseconds(), SortedSetWhen.NotExists);

    public Task RemoveAsync(string callSid) => database.SortedSetRemoveAsync(key, callSid);

    /// <summary>
    /// The live calls, longest waiting first. Entries started before <paramref name="oldestMs"/>
    /// (their records have expired) and entries whose record is gone or over are removed.
    /// </summary>
    public async Task<IReadOnlyList<CallRecord>> ListAsync(long oldestMs, CancellationToken cancellationToken)
    {
        await database.SortedSetRemoveRangeByScoreAsync(key, double.NegativeInfinity, oldestMs, Exclude.Stop)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        var sids = await database.SortedSetRangeByRankAsync(key, 0, MaxListed - 1).WaitAsync(cancellationToken).ConfigureAwait(false);
        var hashes = await Task.WhenAll(sids.Select(sid => database.HashGetAllAsync(RedisKeys.Call(sid!))))
            .WaitAsync(cancellationToken).ConfigureAwait(false);

        var live = new List<CallRecord>(sids.Length);
        var stale = new List<RedisValue>();
        for (var i = 0; i < sids.Length; i++)
        {
            var record = CallRecordHash.Read(sids[i]!, RedisHash.From(hashes[i]));
            if (record is null || record.Status.IsOver())
            {
                stale.Add(sids[i]);
            }
            else
            {
                live.Add(record);
            }
        }

        if (stale.Count > 0)
        {
            // Safe without a script: an over status is final and a gone record does not come back.
            await database.SortedSetRemoveAsync(key, [.. stale]).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return live;
    }
}
