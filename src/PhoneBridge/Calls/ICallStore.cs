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
    /// Claims a live call that has had no news (neither a move, <see cref="CallRecord.MovedAt"/>, nor
    /// Twilio saying it is live, <see cref="CallRecord.CheckedAt"/>) for
    /// <see cref="CallOptions.ReconcileAfter"/>, so that this host alone asks Twilio's REST API about
    /// it, for a short while. Before <see cref="CallOptions.StaleAfter"/> a call is claimed at most
    /// once per <see cref="CallOptions.ReconcileAfter"/>, whatever Twilio answered; from then on at
    /// every sweep, since the host asks before it ends a call.
    /// </summary>
    /// <returns>The record when this host is to ask; null when the call is not due, claimed by another host, over or unknown.</returns>
    Task<CallRecord?> ClaimCheckAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that Twilio's REST API says the call is still live (<see cref="CallRecord.CheckedAt"/>):
    /// news, so it is neither asked about nor ended before another stretch of silence.
    /// </summary>
    /// <returns>The record; null when the call has ended meanwhile or is unknown, in which case nothing changes.</returns>
    Task<CallRecord?> RecordStillLiveAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends the call with the over <paramref name="status"/> Twilio's REST API reported, as that
    /// status's callback would (<see cref="UpdateStatusAsync"/>), and keeps it among the ends still
    /// to tell (<see cref="ListUntoldEndsAsync"/>) until <see cref="MarkEndToldAsync"/>.
    /// </summary>
    /// <returns>The ended record when this call ended it; null when it had ended already (its callback, another host) or is unknown.</returns>
    Task<CallRecord?> EndAsReportedAsync(string callSid, CallStatus status, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends the call if it has had no news for <see cref="CallOptions.StaleAfter"/>, as a "completed"
    /// callback would (<see cref="CallRecord.EndedAfterSilence"/> says why), for when Twilio's REST
    /// API could not say how it stands; otherwise gives up the claim of <see cref="ClaimCheckAsync"/>.
    /// Check and end are one atomic step, so however many hosts sweep at once, one of them ends it.
    /// </summary>
    /// <returns>The ended record when this call ended it; null otherwise.</returns>
    Task<CallRecord?> EndAfterSilenceAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>
    /// The calls the host ended itself in the last hour (after silence, or as Twilio's REST API
    /// reported) whose end has not been marked told (<see cref="MarkEndToldAsync"/>).
    /// </summary>
    Task<IReadOnlyList<CallRecord>> ListUntoldEndsAsync(CancellationToken cancellationToken = default);

    /// <summary>Records that the end of a call the host ended itself has been passed on.</summary>
    Task MarkEndToldAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>
    /// The calls ended after silence in the last <paramref name="within"/>, newest first, so agents
    /// can be told why a call left their list (at most 100).
    /// </summary>
    Task<IReadOnlyList<CallRecord>> ListEndedAfterSilenceAsync(TimeSpan within, CancellationToken cancellationToken = default);
}
