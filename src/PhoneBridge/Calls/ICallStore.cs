namespace PhoneBridge.Calls;

/// <summary>
/// Call records shared by every host: status, masked caller number, answering agent, SMS count.
/// Every change is atomic, so concurrent Twilio retries and callbacks never lose an update.
/// </summary>
public interface ICallStore
{
    /// <summary>
    /// Creates the call's record on first sight, with status ringing. Idempotent: a retry keeps the
    /// original StartedAt and status. Only the masked caller number is stored (null stays null).
    /// </summary>
    Task<CallRecord> RecordIncomingAsync(string callSid, string? from, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an agent who claimed the call by its PIN as its answering agent, replacing any
    /// earlier one, while the call has not ended.
    /// </summary>
    /// <returns>The record; null when the call is unknown or over, in which case nothing changes.</returns>
    Task<CallRecord?> BindAgentAsync(string callSid, string agentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the agent on <paramref name="agentLegCallSid"/> (the leg that fetched the whisper, or
    /// that dequeued the caller) as the call's answering agent, in one atomic step that refuses an
    /// ended call and a leg that bound the call before. Twilio asks once per leg, so a leg seen
    /// again is a retry or a replayed request: it never undoes a later answer or a transfer.
    /// </summary>
    /// <returns>The record and what the request did; null when the call is unknown, in which case nothing is created.</returns>
    Task<CallBinding?> BindAgentLegAsync(string callSid, string agentLegCallSid, string agentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a Twilio status callback. Statuses only move forward (queued, ringing, in-progress,
    /// then an over status), because callbacks can arrive out of order. An over status sets EndedAt
    /// and is final: a late "ringing" never reopens an ended call.
    /// </summary>
    /// <returns>The record as it now stands and whether this callback changed it; null when the call is
    /// unknown, in which case nothing is created (a callback for a call that never reached the voice
    /// webhook has nothing to update).</returns>
    Task<CallUpdate?> UpdateStatusAsync(string callSid, CallStatus status, CancellationToken cancellationToken = default);

    /// <summary>The call's record, or null when unknown or past <see cref="CallOptions.RecordLifetime"/>.</summary>
    Task<CallRecord?> GetAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts an SMS for the call if fewer than <paramref name="max"/> were counted before, atomically.
    /// </summary>
    /// <returns>Whether the SMS may be sent; false for an unknown call, since texts cost money and
    /// should only go to callers PhoneBridge has seen.</returns>
    Task<bool> TryCountSmsAsync(string callSid, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// For queue mode: remembers which agent is on an agent-side call leg (the leg that dequeues a
    /// caller), for <see cref="CallOptions.RecordLifetime"/>. A later call for the same leg replaces it.
    /// </summary>
    Task RecordAgentLegAsync(string agentLegCallSid, string agentId, CancellationToken cancellationToken = default);

    /// <summary>The agent on an agent-side call leg, or null when the leg is unknown.</summary>
    Task<string?> FindAgentOnLegAsync(string agentLegCallSid, CancellationToken cancellationToken = default);

    /// <summary>
    /// The calls that are not over (queued, ringing or in progress) and whose record has not
    /// expired, longest waiting first. Backed by an index kept beside the records, so listing does
    /// not scan Redis; at most 1,000 calls are returned.
    /// </summary>
    Task<IReadOnlyList<CallRecord>> ListLiveAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends every live call whose status has not moved for <see cref="CallOptions.StaleAfter"/>, as a
    /// "completed" callback would (<see cref="CallRecord.EndedAfterSilence"/> says why). Each call is
    /// ended by one atomic step, so however many hosts sweep at once, one of them ends it.
    /// </summary>
    /// <returns>The calls whose end is still to be told: those this sweep ended, and those ended after
    /// silence earlier whose end was never marked told (<see cref="MarkEndToldAsync"/>).</returns>
    Task<IReadOnlyList<CallRecord>> EndSilentCallsAsync(CancellationToken cancellationToken = default);

    /// <summary>Records that the end of a call ended after silence has been passed on.</summary>
    Task MarkEndToldAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>
    /// The calls ended after silence in the last <paramref name="within"/>, newest first, so agents
    /// can be told why a call left their list (at most 100).
    /// </summary>
    Task<IReadOnlyList<CallRecord>> ListEndedAfterSilenceAsync(TimeSpan within, CancellationToken cancellationToken = default);
}
