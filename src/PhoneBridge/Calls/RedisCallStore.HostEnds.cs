using PhoneBridge.Redis;
using StackExchange.Redis;

namespace PhoneBridge.Calls;

/// <summary>The calls the host checks with Twilio, and ends itself, when their status callbacks stop.</summary>
internal sealed partial class RedisCallStore
{
    private static readonly EmbeddedScript ClaimCheckScript = EmbeddedScript.Load(typeof(RedisCallStore), "claim_check");
    private static readonly EmbeddedScript MarkLiveScript = EmbeddedScript.Load(typeof(RedisCallStore), "mark_live");
    private static readonly EmbeddedScript EndQuietScript = EmbeddedScript.Load(typeof(RedisCallStore), "end_quiet");
    private static readonly EmbeddedScript MarkToldScript = EmbeddedScript.Load(typeof(RedisCallStore), "mark_told");

    // How long a call the host ended stays in the lists of ends to tell (and, ended after silence, in
    // the list agents are shown).
    private static readonly TimeSpan HostEndsKept = TimeSpan.FromHours(1);

    // Longer than one REST fetch with its retries (Twilio:ApiTimeout, 10 s by default). Nothing
    // depends on it for correctness: every change after the fetch is atomic and applies once, so a
    // second host asking after a slow first one costs one more GET.
    private static readonly TimeSpan CheckClaim = TimeSpan.FromMinutes(2);

    // The calls the host ended (sorted sets: CallSid scored by the end, Unix ms), under the live
    // index's hash tag; like the index, only views of the records beside them. Ended after silence,
    // and ended as Twilio's REST API reported.
    private readonly RedisKey _silentEnds;
    private readonly RedisKey _reportedEnds;

    /// <summary>
    /// Claims a live call that has had no news (neither a move, <see cref="CallRecord.MovedAt"/>, nor
    /// Twilio saying it is live, <see cref="CallRecord.CheckedAt"/>) for
    /// <see cref="CallOptions.ReconcileAfter"/>, so that this host alone asks Twilio's REST API about
    /// it, for a short while. Before <see cref="CallOptions.StaleAfter"/> a call is claimed at most
    /// once per <see cref="CallOptions.ReconcileAfter"/>, whatever Twilio answered; from then on at
    /// every sweep, since the host asks before it ends a call.
    /// </summary>
    /// <returns>The record when this host is to ask; null when the call is not due, claimed by another host, over or unknown.</returns>
    public async Task<CallRecord?> ClaimCheckAsync(string callSid, CancellationToken cancellationToken = default)
    {
        var options = _options.Value;
        var (claimed, record) = await ChangeAsync(ClaimCheckScript, callSid,
            [Now, Ms(options.ReconcileAfterOrDefault), Ms(options.StaleAfter), Ms(CheckClaim)], cancellationToken).ConfigureAwait(false);
        return (long?)claimed == 1 ? record : null;
    }

    /// <summary>
    /// Records that Twilio's REST API says the call is still live (<see cref="CallRecord.CheckedAt"/>):
    /// news, so it is neither asked about nor ended before another stretch of silence.
    /// </summary>
    /// <returns>The record; null when the call has ended meanwhile or is unknown, in which case nothing changes.</returns>
    public async Task<CallRecord?> RecordStillLiveAsync(string callSid, CancellationToken cancellationToken = default)
    {
        var (changed, record) = await ChangeAsync(MarkLiveScript, callSid, [Now], cancellationToken).ConfigureAwait(false);
        if ((long?)changed == 1)
        {
            CallLog.StillLive(_logger, callSid);
            return record;
        }

        return null;
    }

    /// <summary>
    /// Ends the call with the over <paramref name="status"/> Twilio's REST API reported, as that
    /// status's callback would (<see cref="UpdateStatusAsync"/>), and keeps it among the ends still
    /// to tell (<see cref="ListUntoldEndsAsync"/>) until <see cref="MarkEndToldAsync"/>.
    /// </summary>
    /// <returns>The ended record when this call ended it; null when it had ended already (its callback, another host) or is unknown.</returns>
    public async Task<CallRecord?> EndAsReportedAsync(string callSid, CallStatus status, CancellationToken cancellationToken = default)
    {
        if (!status.IsOver())
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Only a status that ends a call ends it.");
        }

        if (await UpdateStatusAsync(callSid, status, cancellationToken).ConfigureAwait(false) is not { Changed: true } update)
        {
            // Unknown, or ended meanwhile: its own callback, or another host, tells of the end.
            return null;
        }

        CallLog.EndedAsReported(_logger, callSid, update.Call.Status.ToTwilioString());
        // Listed before it is told, so an end that fails to be told is found again by the next sweep.
        await UpdateLiveIndexAsync(callSid, () => _database.SortedSetAddAsync(_reportedEnds, callSid, Now)).ConfigureAwait(false);
        return update.Call;
    }

    /// <summary>
    /// Ends the call if it has had no news for <see cref="CallOptions.StaleAfter"/>, as a "completed"
    /// callback would (<see cref="CallRecord.EndedAfterSilence"/> says why), for when Twilio's REST
    /// API could not say how it stands; otherwise gives up the claim of <see cref="ClaimCheckAsync"/>.
    /// Check and end are one atomic step, so however many hosts sweep at once, one of them ends it.
    /// </summary>
    /// <returns>The ended record when this call ended it; null otherwise.</returns>
    public async Task<CallRecord?> EndAfterSilenceAsync(string callSid, CancellationToken cancellationToken = default)
    {
        var options = _options.Value;
        var now = Now;
        var (outcome, record) = await ChangeAsync(
            EndQuietScript, callSid, [now, Ms(options.StaleAfter), TtlMs], cancellationToken).ConfigureAwait(false);
        if (record is null || (long)outcome! != 1)
        {
            // Gone, not silent that long, ended by its callback meanwhile, or ended by another host.
            return null;
        }

        CallLog.EndedAfterSilence(_logger, callSid, record.EndedAfterSilence ?? options.StaleAfter);
        // Listed before it is told, so an end that fails to be told is found again by the next sweep.
        await UpdateLiveIndexAsync(callSid, async () =>
        {
            await _database.SortedSetAddAsync(_silentEnds, callSid, now).ConfigureAwait(false);
            await _live.RemoveAsync(callSid).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return record;
    }

    /// <summary>
    /// The calls the host ended itself in the last hour (after silence, or as Twilio's REST API
    /// reported) whose end has not been marked told (<see cref="MarkEndToldAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<CallRecord>> ListUntoldEndsAsync(CancellationToken cancellationToken = default)
    {
        var silent = await ListEndsAsync(_silentEnds, HostEndsKept, cancellationToken).ConfigureAwait(false);
        var reported = await ListEndsAsync(_reportedEnds, HostEndsKept, cancellationToken).ConfigureAwait(false);
        return [.. silent.Where(r => r.EndedAfterSilence is not null).Concat(reported).Where(r => !r.EndTold)];
    }

    /// <summary>Records that the end of a call the host ended itself has been passed on.</summary>
    public Task MarkEndToldAsync(string callSid, CancellationToken cancellationToken = default) =>
        MarkToldScript.RunAsync(_database, [RedisKeys.Call(callSid)], [], cancellationToken);

    /// <summary>
    /// The calls ended after silence in the last <paramref name="within"/>, newest first, so agents
    /// can be told why a call left their list (at most 100).
    /// </summary>
    public async Task<IReadOnlyList<CallRecord>> ListEndedAfterSilenceAsync(TimeSpan within, CancellationToken cancellationToken = default) =>
        [.. (await ListEndsAsync(_silentEnds, within, cancellationToken).ConfigureAwait(false)).Where(r => r.EndedAfterSilence is not null)];

    // The newest 100 records of one list of ends, ended in the last `within`; entries past HostEndsKept are pruned.
    private async Task<IReadOnlyList<CallRecord>> ListEndsAsync(RedisKey ends, TimeSpan within, CancellationToken cancellationToken)
    {
        await _database.SortedSetRemoveRangeByScoreAsync(ends, double.NegativeInfinity, Now - Ms(HostEndsKept))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        var sids = await _database.SortedSetRangeByScoreAsync(ends, Now - Ms(within), double.PositiveInfinity,
            order: Order.Descending, take: 100).WaitAsync(cancellationToken).ConfigureAwait(false);
        var records = await Task.WhenAll(sids.Select(sid => GetAsync(sid!, cancellationToken))).ConfigureAwait(false);
        return [.. records.OfType<CallRecord>()];
    }

    private static long Ms(TimeSpan span) => (long)span.TotalMilliseconds;
}
