using PhoneBridge.Redis;
using PinCovisor.Web.CallBack;
using PinCovisor.Web.Conversations;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Media;
using PinCovisor.Web.Sessions;
using StackExchange.Redis;

namespace PinCovisor.Web.Retention;

/// <summary>
/// Removes one class's data of the calls or sessions its time index holds from before a cutoff, at
/// most a batch at a time, oldest first. Each call or session is removed in its own slot (one DEL
/// of its keys), then leaves the index, so a purge cut short is simply continued by the next.
/// </summary>
internal sealed class RetentionPurge(IConnectionMultiplexer redis, SessionLifecycle lifecycle)
{
    /// <summary>The reason sessions still open at their class's end are closed with.</summary>
    public const string ClosedReason = "retention";

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Removes up to <paramref name="max"/> items of <paramref name="dataClass"/> started before <paramref name="cutoff"/>; returns how many held data.</summary>
    public async Task<long> PurgeAsync(string dataClass, DateTimeOffset cutoff, int max, CancellationToken cancellationToken)
    {
        var index = RetentionKeys.Aged(dataClass);
        var due = await Db.SortedSetRangeByScoreAsync(index, double.NegativeInfinity, cutoff.ToUnixTimeMilliseconds(), take: max)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        var removed = 0L;
        foreach (var id in due.Select(v => v.ToString()))
        {
            removed += dataClass switch
            {
                RetainedClass.CallRecords => await DeleteAsync([RedisKeys.Call(id), RedisKeys.CallPin(id), RedisKeys.CallTransfer(id)]).ConfigureAwait(false),
                RetainedClass.Transcripts => await DeleteAsync(
                    [HubKeys.Events(id), HubKeys.Video(id), HubKeys.MessageIds(id), HubKeys.Bytes(id)]).ConfigureAwait(false),
                RetainedClass.Media => await PurgeMediaAsync(id).ConfigureAwait(false),
                _ => await PurgeSessionAsync(id, cancellationToken).ConfigureAwait(false),
            } > 0 ? 1 : 0;
            await Db.SortedSetRemoveAsync(index, id).ConfigureAwait(false);
        }

        return removed;
    }

    // The counter (seq) stays with the session: numbering goes on if anyone writes again.
    private Task<long> DeleteAsync(RedisKey[] keys) => Db.KeyDeleteAsync(keys);

    private async Task<long> PurgeMediaAsync(string sessionId)
    {
        var ids = await Db.SetMembersAsync(MediaKeys.Ids(sessionId)).ConfigureAwait(false);
        var keys = ids.Select(id => MediaKeys.Image(sessionId, id.ToString())).ToList();
        var images = keys.Count == 0 ? 0 : await Db.KeyDeleteAsync([.. keys]).ConfigureAwait(false);
        await Db.KeyDeleteAsync([MediaKeys.Ids(sessionId), MediaKeys.Quota(sessionId)]).ConfigureAwait(false);
        return images;
    }

    // The session itself: closed first if it is still open, then its record, people and conversation.
    private async Task<long> PurgeSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        await lifecycle.CloseAsync(sessionId, ClosedReason, cancellationToken).ConfigureAwait(false);
        var record = SessionRecords.Hash(await Db.HashGetAllAsync(SessionKeys.Session(sessionId)).ConfigureAwait(false));
        var participants = await Db.SortedSetRangeByRankAsync(SessionKeys.Participants(sessionId)).ConfigureAwait(false);
        RedisKey[] keys =
        [
            SessionKeys.Session(sessionId), SessionKeys.Participants(sessionId),
            .. participants.Select(p => SessionKeys.Participant(sessionId, p.ToString())),
            ConversationKeys.Record(sessionId), ConversationKeys.Sent(sessionId), ConversationKeys.MediaFetched(sessionId),
            ConversationKeys.Delivery(sessionId), CallBackStore.Request(sessionId), CallBackStore.Pause(sessionId),
        ];
        var removed = await Db.KeyDeleteAsync(keys).ConfigureAwait(false);
        await Db.SortedSetRemoveAsync(ConversationKeys.Waiting, sessionId).ConfigureAwait(false);
        if (record.GetValueOrDefault("agent") is { Length: > 0 } agent)
        {
            await Db.SetRemoveAsync(SessionKeys.AgentSessions(agent), sessionId).ConfigureAwait(false);
        }

        if (record.GetValueOrDefault("call") is { Length: > 0 } callSid)
        {
            await Db.KeyDeleteAsync(SessionKeys.CallSession(callSid)).ConfigureAwait(false);
        }

        return removed;
    }
}
