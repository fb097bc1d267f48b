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

    public async Task<CallRecord?> ClaimCheckAsync(string callSid, CancellationToken cancellationToken = default)
    {
        var options = _options.Value;
        var (claimed, record) = await ChangeAsync(ClaimCheckScript, callSid,
            [Now, Ms(options.ReconcileAfterOrDefault), Ms(options.StaleAfter), Ms(CheckClaim)], cancellationToken).ConfigureAwait(false);
        return (long?)claimed == 1 ? record : null;
    }

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

    public async Task<IReadOnlyList<CallRecord>> ListUntoldEndsAsync(CancellationToken cancellationToken = default)
    {
        var silent = await ListEndsAsync(_silentEnds, HostEndsKept, cancellationToken).ConfigureAwait(false);
        var reported = await ListEndsAsync(_reportedEnds, HostEndsKept, cancellationToken).ConfigureAwait(false);
        return [.. silent.Where(r => r.EndedAfterSilence is not null).Concat(reported).Where(r => !r.EndTold)];
    }

    public Task MarkEndToldAsync(string callSid, CancellationToken cancellationToken = default) =>
        MarkToldScript.RunAsync(_database, [RedisKeys.Call(callSid)], [], cancellationToken);

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
