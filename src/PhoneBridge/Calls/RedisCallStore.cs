using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Redis;
using StackExchange.Redis;

namespace PhoneBridge.Calls;

/// <summary>
/// Call records shared by every host: status, masked caller number, answering agent, SMS count.
/// Every change is atomic, so concurrent Twilio retries and callbacks never lose an update: one hash per call under the call's hash tag, changed only
/// by Lua scripts so concurrent callbacks and retries never overwrite each other. Calls that are
/// not over are also listed in a <see cref="LiveCallIndex"/>.
/// </summary>
internal sealed partial class RedisCallStore
{
    private static readonly EmbeddedScript RecordIncomingScript = EmbeddedScript.Load(typeof(RedisCallStore), "record_incoming");
    private static readonly EmbeddedScript UpdateStatusScript = EmbeddedScript.Load(typeof(RedisCallStore), "update_status");
    private static readonly EmbeddedScript BindAgentScript = EmbeddedScript.Load(typeof(RedisCallStore), "bind_agent");
    private static readonly EmbeddedScript CountSmsScript = EmbeddedScript.Load(typeof(RedisCallStore), "count_sms");
    private readonly IDatabase _database;
    private readonly IOptions<CallOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LiveCallIndex _live;

    public RedisCallStore(IConnectionMultiplexer redis, IOptions<CallOptions> options, TimeProvider time, ILogger<RedisCallStore> logger)
        : this(redis, options, time, logger, LiveCallIndex.DefaultKey)
    {
    }

    /// <summary>With its own live index, so tests sharing a server (each on its own clock) do not prune each other's calls.</summary>
    internal RedisCallStore(IConnectionMultiplexer redis, IOptions<CallOptions> options, TimeProvider time, ILogger logger, RedisKey liveIndexKey)
    {
        _database = redis.GetDatabase();
        _options = options;
        _time = time;
        _logger = logger;
        _live = new LiveCallIndex(_database, liveIndexKey);
        _silentEnds = liveIndexKey.Append(":silent-ends");
        _reportedEnds = liveIndexKey.Append(":reported-ends");
    }

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private long TtlMs => (long)_options.Value.RecordLifetime.TotalMilliseconds;

    /// <summary>
    /// Creates the call's record on first sight, with status ringing. Idempotent: a retry keeps the
    /// original StartedAt and status. Only the masked caller number is stored (null stays null).
    /// </summary>
    public async Task<CallRecord> RecordIncomingAsync(string callSid, string? from, CancellationToken cancellationToken = default)
    {
        // The full number is masked before it leaves this method: Redis only ever sees the mask.
        var masked = string.IsNullOrWhiteSpace(from) ? string.Empty : PhoneNumberMask.Mask(from);
        var (created, record) = await ChangeAsync(
            RecordIncomingScript, callSid, [Now, masked, CallStatus.Ringing.ToTwilioString(), TtlMs], cancellationToken).ConfigureAwait(false);
        if ((long?)created == 1)
        {
            CallLog.Recorded(_logger, callSid);
        }

        var recorded = record ?? throw new InvalidOperationException($"Call {callSid} was not recorded.");
        if (!recorded.Status.IsOver())
        {
            await UpdateLiveIndexAsync(callSid, () => _live.AddAsync(recorded)).ConfigureAwait(false);
        }

        return recorded;
    }

    /// <summary>
    /// Records an agent who claimed the call by its PIN as its answering agent, replacing any
    /// earlier one, while the call has not ended.
    /// </summary>
    /// <returns>The record; null when the call is unknown or over, in which case nothing changes.</returns>
    public async Task<CallRecord?> BindAgentAsync(string callSid, string agentId, CancellationToken cancellationToken = default)
    {
        var binding = await BindAsync(callSid, agentId, agentLegCallSid: "", cancellationToken).ConfigureAwait(false);
        return binding is { Outcome: CallBindingOutcome.Bound } ? binding.Call : null;
    }

    /// <summary>
    /// Records the agent on <paramref name="agentLegCallSid"/> (the leg that fetched the whisper, or
    /// that dequeued the caller) as the call's answering agent, in one atomic step that refuses an
    /// ended call and a leg that bound the call before. Twilio asks once per leg, so a leg seen
    /// again is a retry or a replayed request: it never undoes a later answer or a transfer.
    /// </summary>
    /// <returns>The record and what the request did; null when the call is unknown, in which case nothing is created.</returns>
    public Task<CallBinding?> BindAgentLegAsync(string callSid, string agentLegCallSid, string agentId, CancellationToken cancellationToken = default)
    {
        // The leg becomes a field name: the same rule as a key component keeps it to a CallSid's letters and digits.
        _ = RedisKeys.CallTag(agentLegCallSid);
        return BindAsync(callSid, agentId, agentLegCallSid, cancellationToken);
    }

    /// <summary>
    /// Applies a Twilio status callback. Statuses only move forward (queued, ringing, in-progress,
    /// then an over status), because callbacks can arrive out of order. An over status sets EndedAt
    /// and is final: a late "ringing" never reopens an ended call.
    /// </summary>
    /// <returns>The record as it now stands and whether this callback changed it; null when the call is
    /// unknown, in which case nothing is created (a callback for a call that never reached the voice
    /// webhook has nothing to update).</returns>
    public async Task<CallUpdate?> UpdateStatusAsync(string callSid, CallStatus status, CancellationToken cancellationToken = default)
    {
        var twilio = status.ToTwilioString();
        var (outcome, record) = await ChangeAsync(
            UpdateStatusScript, callSid, [twilio, status.IsOver() ? 1 : 0, Now, TtlMs], cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            CallLog.UnknownCall(_logger, callSid, "status " + twilio);
            return null;
        }

        var changed = (long)outcome! == 1;
        if (changed)
        {
            CallLog.StatusChanged(_logger, callSid, twilio);
        }
        else
        {
            CallLog.StatusIgnored(_logger, callSid, twilio);
        }

        if (record.Status.IsOver())
        {
            await UpdateLiveIndexAsync(callSid, () => _live.RemoveAsync(callSid)).ConfigureAwait(false);
        }

        return new CallUpdate(record, changed);
    }

    /// <summary>
    /// The calls that are not over (queued, ringing or in progress) and whose record has not
    /// expired, longest waiting first. Backed by an index kept beside the records, so listing does
    /// not scan Redis; at most 1,000 calls are returned.
    /// </summary>
    public Task<IReadOnlyList<CallRecord>> ListLiveAsync(CancellationToken cancellationToken = default) =>
        _live.ListAsync(Now - TtlMs, cancellationToken);

    /// <summary>The call's record, or null when unknown or past <see cref="CallOptions.RecordLifetime"/>.</summary>
    public async Task<CallRecord?> GetAsync(string callSid, CancellationToken cancellationToken = default)
    {
        var entries = await _database.HashGetAllAsync(RedisKeys.Call(callSid)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return CallRecordHash.Read(callSid, RedisHash.From(entries));
    }

    /// <summary>
    /// Counts an SMS for the call if fewer than <paramref name="max"/> were counted before, atomically.
    /// </summary>
    /// <returns>Whether the SMS may be sent; false for an unknown call, since texts cost money and
    /// should only go to callers PhoneBridge has seen.</returns>
    public async Task<bool> TryCountSmsAsync(string callSid, int max, CancellationToken cancellationToken = default)
    {
        var counted = (long)await CountSmsScript.RunAsync(
            _database, [RedisKeys.Call(callSid)], [max], cancellationToken).ConfigureAwait(false);
        if (counted < 0)
        {
            CallLog.UnknownCall(_logger, callSid, "SMS");
        }
        else if (counted == 0)
        {
            CallLog.SmsLimitReached(_logger, callSid, max);
        }

        return counted == 1;
    }

    /// <summary>
    /// For queue mode: remembers which agent is on an agent-side call leg (the leg that dequeues a
    /// caller), for <see cref="CallOptions.RecordLifetime"/>. A later call for the same leg replaces it.
    /// </summary>
    public async Task RecordAgentLegAsync(string agentLegCallSid, string agentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        await _database.StringSetAsync(RedisKeys.AgentLeg(agentLegCallSid), agentId, _options.Value.RecordLifetime)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        CallLog.AgentLegRecorded(_logger, agentLegCallSid, agentId);
    }

    /// <summary>The agent on an agent-side call leg, or null when the leg is unknown.</summary>
    public async Task<string?> FindAgentOnLegAsync(string agentLegCallSid, CancellationToken cancellationToken = default) =>
        await _database.StringGetAsync(RedisKeys.AgentLeg(agentLegCallSid)).WaitAsync(cancellationToken).ConfigureAwait(false);

    // The record is the truth and the index only a view that heals when read (see LiveCallIndex),
    // so a failed index update must not fail the webhook that changed the record. It takes no
    // cancellation: the script already ran, and the index should follow it even if the caller gave up.
    private async Task UpdateLiveIndexAsync(string callSid, Func<Task> update)
    {
        try
        {
            await update().ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            CallLog.LiveIndexNotUpdated(_logger, e, callSid);
        }
    }

    private async Task<CallBinding?> BindAsync(string callSid, string agentId, string agentLegCallSid, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        var (outcome, record) = await ChangeAsync(BindAgentScript, callSid, [agentId, TtlMs, agentLegCallSid, Now], cancellationToken)
            .ConfigureAwait(false);
        if (record is null)
        {
            CallLog.UnknownCall(_logger, callSid, "agent binding");
            return null;
        }

        var binding = new CallBinding(record, (string?)outcome switch
        {
            "bound" => CallBindingOutcome.Bound,
            "repeated" => CallBindingOutcome.Repeated,
            _ => CallBindingOutcome.CallOver,
        });
        if (binding.Outcome == CallBindingOutcome.Bound)
        {
            CallLog.AgentBound(_logger, callSid, agentId);
        }
        else
        {
            CallLog.BindingRefused(_logger, callSid, agentId, binding.Outcome);
        }

        return binding;
    }

    // The call scripts answer nil for an unknown call, else {outcome, field, value, ...}.
    private async Task<(RedisResult? Outcome, CallRecord? Record)> ChangeAsync(
        EmbeddedScript script, string callSid, RedisValue[] args, CancellationToken cancellationToken)
    {
        var result = await script.RunAsync(_database, [RedisKeys.Call(callSid)], args, cancellationToken).ConfigureAwait(false);
        if (result.IsNull)
        {
            return (null, null);
        }

        var flat = (RedisResult[])result!;
        return (flat[0], CallRecordHash.Read(callSid, RedisHash.From(flat, start: 1)));
    }
}
