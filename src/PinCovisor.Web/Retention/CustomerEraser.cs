using PhoneBridge.Pins;
using PhoneBridge.Redis;
using PinCovisor.Web.Conversations;
using PinCovisor.Web.Csat;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Redis;
using PinCovisor.Web.Sessions;
using StackExchange.Redis;

namespace PinCovisor.Web.Retention;

/// <summary>
/// Erases everything about one customer number: the calls filed under it, their sessions and the
/// number's conversations, each removed one Cluster slot at a time. Live sessions are closed first
/// (tokens revoked, people told), so no one writes into what is being erased. Running it again
/// removes nothing more.
/// </summary>
internal sealed class CustomerEraser(
    IConnectionMultiplexer redis,
    CustomerIndex index,
    SessionLifecycle lifecycle,
    IPinStore pins,
    IEnumerable<IRetainedData> extra)
{
    /// <summary>The reason erased sessions' people are given.</summary>
    public const string ClosedReason = "erased";

    private IDatabase Db => redis.GetDatabase();

    /// <summary>The number's calls and sessions: those filed under it, the calls' sessions and its open conversations.</summary>
    public async Task<(IReadOnlyList<string> CallSids, IReadOnlyList<string> SessionIds)> FindAsync(string e164, CancellationToken cancellationToken)
    {
        var (callSids, filed) = await index.FindAsync(e164, cancellationToken).ConfigureAwait(false);
        var lookups = callSids.Select(sid => Db.StringGetAsync(SessionKeys.CallSession(sid)))
            .Concat(CustomerNumbers.Addresses(e164).Select(a => Db.StringGetAsync(ConversationKeys.Open(ConversationKeys.Hash(a)))));
        var found = await Task.WhenAll(lookups).WaitAsync(cancellationToken).ConfigureAwait(false);
        var sessionIds = filed.Concat(found.Where(v => !v.IsNullOrEmpty).Select(v => v.ToString()))
            .Where(id => SessionIds.IsWellFormed(id, SessionIds.SessionPrefix)).Distinct(StringComparer.Ordinal).ToList();
        return (callSids, sessionIds);
    }

    public async Task<CustomerErasure> EraseAsync(string e164, CancellationToken cancellationToken = default)
    {
        var (callSids, sessionIds) = await FindAsync(e164, cancellationToken).ConfigureAwait(false);
        foreach (var id in sessionIds)
        {
            await lifecycle.CloseAsync(id, ClosedReason, cancellationToken).ConfigureAwait(false);
        }

        var removed = CustomerErasure.None;
        foreach (var data in extra)
        {
            var count = await data.EraseForSessionsAsync(sessionIds, cancellationToken).ConfigureAwait(false);
            if (data.DataClass == RetainedClass.Csat)
            {
                removed += CustomerErasure.None with { Csat = count };
            }
        }

        foreach (var id in sessionIds)
        {
            removed += await EraseSessionAsync(id, cancellationToken).ConfigureAwait(false);
        }

        foreach (var callSid in callSids)
        {
            removed += await EraseCallAsync(callSid, cancellationToken).ConfigureAwait(false);
        }

        var addresses = CustomerNumbers.Addresses(e164).Select(ConversationKeys.Hash)
            .SelectMany(h => new[] { ConversationKeys.Open(h), ConversationKeys.LastAgent(h), CsatKeys.Pending(h) });
        // Global keys, each in a slot of its own: one DEL each.
        await Task.WhenAll(addresses.Select(k => Db.KeyDeleteAsync(k))).WaitAsync(cancellationToken).ConfigureAwait(false);
        await index.ForgetAsync(e164, cancellationToken).ConfigureAwait(false);
        return removed;
    }

    private async Task<CustomerErasure> EraseSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        var record = SessionRecords.Hash(await Db.HashGetAllAsync(SessionKeys.Session(sessionId)).WaitAsync(cancellationToken).ConfigureAwait(false));
        var keys = await SlotKeys.ScanAsync(redis, CovisorKeys.SessionTag(sessionId), cancellationToken).ConfigureAwait(false);
        var events = await Db.SortedSetLengthAsync(HubKeys.Events(sessionId)).WaitAsync(cancellationToken).ConfigureAwait(false);
        var media = keys.Count(k => k.ToString().StartsWith(MediaPrefix(sessionId), StringComparison.Ordinal));
        var conversation = keys.Contains(ConversationKeys.Record(sessionId)) ? 1 : 0;
        if (keys.Count > 0)
        {
            // All of one session's keys share its slot, so one DEL may name them all.
            await Db.KeyDeleteAsync([.. keys]).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var globals = new List<Task>
        {
            Db.SortedSetRemoveAsync(ConversationKeys.Waiting, sessionId),
        };
        globals.AddRange(CustomerIndex.SessionClasses.Select(c => Db.SortedSetRemoveAsync(RetentionKeys.Aged(c), sessionId)));
        if (record.GetValueOrDefault("agent") is { Length: > 0 } agent)
        {
            globals.Add(Db.SetRemoveAsync(SessionKeys.AgentSessions(agent), sessionId));
        }

        if (record.GetValueOrDefault("call") is { Length: > 0 } callSid)
        {
            globals.Add(Db.KeyDeleteAsync(SessionKeys.CallSession(callSid)));
        }

        await Task.WhenAll(globals).WaitAsync(cancellationToken).ConfigureAwait(false);
        return CustomerErasure.None with { Sessions = record.Count > 0 ? 1 : 0, Events = events, Media = media, Conversations = conversation };
    }

    private async Task<CustomerErasure> EraseCallAsync(string callSid, CancellationToken cancellationToken)
    {
        var hadPin = await Db.KeyExistsAsync(RedisKeys.CallPin(callSid)).WaitAsync(cancellationToken).ConfigureAwait(false);
        // Revoking takes the PIN out of the index (another slot) before its record goes.
        await pins.RevokeAsync(callSid, cancellationToken).ConfigureAwait(false);
        var hadCall = await Db.KeyDeleteAsync(RedisKeys.Call(callSid)).WaitAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(
                Db.KeyDeleteAsync([RedisKeys.CallPin(callSid), RedisKeys.CallTransfer(callSid)]),
                Db.KeyDeleteAsync(SessionKeys.CallSession(callSid)),
                Db.SortedSetRemoveAsync(RetentionKeys.Aged(RetainedClass.CallRecords), callSid))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return CustomerErasure.None with { Calls = hadCall ? 1 : 0, Pins = hadPin ? 1 : 0 };
    }

    private static string MediaPrefix(string sessionId) => CovisorKeys.SessionScoped(sessionId, "media:").ToString();
}
