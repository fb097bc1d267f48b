using Microsoft.Extensions.Options;
using PinCovisor.Web.Retention;
using StackExchange.Redis;

namespace PinCovisor.Web.Sessions;

/// <summary>
/// Sessions and their participants, in Redis under <c>pb:{session:…}</c>. A session's own keys share one hash tag and change by one
/// script each; the indexes outside it (call → session, agent → sessions) are written after the
/// session exists, so whoever finds an id through them also finds the session. New sessions go into
/// retention's time indexes (the host always passes them; a bare store in a test may not).
/// </summary>
internal sealed class RedisSessionStore(IConnectionMultiplexer redis, IOptions<SessionsOptions> options, TimeProvider time, CustomerIndex? retention = null)
{
    private IDatabase Db => redis.GetDatabase();

    private TimeSpan Lifetime => options.Value.Lifetime;

    public async Task<CovisorSession?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        if (!SessionIds.IsWellFormed(sessionId, SessionIds.SessionPrefix))
        {
            return null;
        }

        var entries = await Db.HashGetAllAsync(SessionKeys.Session(sessionId)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return SessionRecords.Session(sessionId, SessionRecords.Hash(entries));
    }

    /// <summary>The session of a call, if one was opened.</summary>
    public async Task<CovisorSession?> FindByCallAsync(string callSid, CancellationToken cancellationToken = default)
    {
        var sessionId = await Db.StringGetAsync(SessionKeys.CallSession(callSid)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return sessionId.IsNullOrEmpty ? null : await GetAsync(sessionId.ToString(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens the call's session, or returns the one it already has (one session per call).</summary>
    public async Task<CovisorSession> OpenForCallAsync(string callSid, string? agentUsername, CancellationToken cancellationToken = default)
    {
        if (await FindByCallAsync(callSid, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        // The candidate session is written before it is offered to the index, so a loser of the
        // race below reads a winner whose session already exists.
        var candidate = await CreateAsync(SessionOrigin.Call, callSid, agentUsername, cancellationToken).ConfigureAwait(false);
        if (await Db.StringSetAsync(SessionKeys.CallSession(callSid), candidate.Id, Lifetime, When.NotExists)
                .WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            await IndexAgentAsync(candidate.Id, agentUsername, null, cancellationToken).ConfigureAwait(false);
            return candidate;
        }

        await Db.KeyDeleteAsync(SessionKeys.Session(candidate.Id)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return await FindByCallAsync(callSid, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Call {callSid} names a session that no longer exists.");
    }

    /// <summary>Opens a session without a call (an agent invited a website visitor).</summary>
    public async Task<CovisorSession> OpenForWebAsync(string agentUsername, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentUsername);
        var session = await CreateAsync(SessionOrigin.Web, null, agentUsername, cancellationToken).ConfigureAwait(false);
        await IndexAgentAsync(session.Id, agentUsername, null, cancellationToken).ConfigureAwait(false);
        return session;
    }

    /// <summary>
    /// Opens a WhatsApp or SMS conversation's session with nobody in charge and in no index yet:
    /// the conversation's address index decides whether it is kept (see <c>Conversations/ConversationStore</c>).
    /// </summary>
    public Task<CovisorSession> OpenForMessagingAsync(SessionOrigin origin, CancellationToken cancellationToken = default) =>
        origin is SessionOrigin.WhatsApp or SessionOrigin.Sms
            ? CreateAsync(origin, null, null, cancellationToken)
            : throw new ArgumentOutOfRangeException(nameof(origin), origin, "Only WhatsApp and SMS sessions are opened for messaging.");

    /// <summary>Sessions an agent is in charge of and that are not closed.</summary>
    public async Task<IReadOnlyList<CovisorSession>> ListOpenForAgentAsync(string agentUsername, CancellationToken cancellationToken = default)
    {
        var key = SessionKeys.AgentSessions(agentUsername);
        var ids = await Db.SetMembersAsync(key).WaitAsync(cancellationToken).ConfigureAwait(false);
        var sessions = await Task.WhenAll(ids.Select(id => GetAsync(id.ToString(), cancellationToken))).ConfigureAwait(false);
        var open = new List<CovisorSession>();
        for (var i = 0; i < ids.Length; i++)
        {
            if (sessions[i] is { IsClosed: false } session && session.AgentUsername == agentUsername)
            {
                open.Add(session);
            }
            else
            {
                // Expired, closed or transferred: the set only ever shrinks towards the truth.
                await Db.SetRemoveAsync(key, ids[i]).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return [.. open.OrderBy(s => s.CreatedAt)];
    }

    public async Task<Participant> AddParticipantAsync(string sessionId, AdmissionState admission, string? device, CancellationToken cancellationToken = default)
    {
        var participant = new Participant(SessionIds.NewParticipant(), sessionId, admission, device,
            DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds()));
        var added = await SessionScripts.AddParticipant.RunAsync(Db,
            [SessionKeys.Session(sessionId), SessionKeys.Participants(sessionId), SessionKeys.Participant(sessionId, participant.Id)],
            [participant.Id, admission.ToString(), device ?? string.Empty, SessionRecords.Ms(participant.JoinedAt)], cancellationToken).ConfigureAwait(false);
        return added.IsNull
            ? throw new InvalidOperationException($"Session {sessionId} is unknown or closed.")
            : participant;
    }

    public async Task<Participant?> GetParticipantAsync(string sessionId, string participantId, CancellationToken cancellationToken = default)
    {
        if (!SessionIds.IsWellFormed(sessionId, SessionIds.SessionPrefix)
            || !SessionIds.IsWellFormed(participantId, SessionIds.ParticipantPrefix))
        {
            return null;
        }

        var entries = await Db.HashGetAllAsync(SessionKeys.Participant(sessionId, participantId)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return SessionRecords.Participant(sessionId, participantId, SessionRecords.Hash(entries));
    }

    public async Task<IReadOnlyList<Participant>> ListParticipantsAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        if (!SessionIds.IsWellFormed(sessionId, SessionIds.SessionPrefix))
        {
            return [];
        }

        var ids = await Db.SortedSetRangeByRankAsync(SessionKeys.Participants(sessionId)).WaitAsync(cancellationToken).ConfigureAwait(false);
        var participants = await Task.WhenAll(ids.Select(id => GetParticipantAsync(sessionId, id.ToString(), cancellationToken))).ConfigureAwait(false);
        return [.. participants.OfType<Participant>()];
    }

    /// <summary>Admits or rejects; null when the participant does not exist.</summary>
    public async Task<Participant?> SetAdmissionAsync(string sessionId, string participantId, AdmissionState admission, CancellationToken cancellationToken = default)
    {
        if (!SessionIds.IsWellFormed(participantId, SessionIds.ParticipantPrefix))
        {
            return null;
        }

        var result = await SessionScripts.SetAdmission.RunAsync(Db,
            [SessionKeys.Participant(sessionId, participantId)], [admission.ToString()], cancellationToken).ConfigureAwait(false);
        return result.IsNull ? null : SessionRecords.Participant(sessionId, participantId, SessionRecords.Hash(result));
    }

    /// <summary>Remembers the id of the access token issued to a participant; false when the participant does not exist.</summary>
    public async Task<bool> RememberTokenAsync(string sessionId, string participantId, string tokenId, CancellationToken cancellationToken = default)
    {
        var result = await SessionScripts.SetParticipantField.RunAsync(Db,
            [SessionKeys.Participant(sessionId, participantId)], ["token", tokenId], cancellationToken).ConfigureAwait(false);
        return (long)result == 1;
    }

    /// <summary>The id of the access token issued to a participant, to revoke it; null when none was remembered.</summary>
    public async Task<string?> FindTokenAsync(string sessionId, string participantId, CancellationToken cancellationToken = default)
    {
        if (!SessionIds.IsWellFormed(participantId, SessionIds.ParticipantPrefix))
        {
            return null;
        }

        var value = await Db.HashGetAsync(SessionKeys.Participant(sessionId, participantId), "token").WaitAsync(cancellationToken).ConfigureAwait(false);
        return value.IsNullOrEmpty ? null : value.ToString();
    }

    /// <summary>Puts an agent in charge (answer, claim or transfer); null when the session is unknown or closed.</summary>
    public async Task<CovisorSession?> AssignAgentAsync(string sessionId, string agentUsername, CancellationToken cancellationToken = default) =>
        (await ReassignAsync(sessionId, agentUsername, cancellationToken).ConfigureAwait(false))?.Session;
    /// <summary>
    /// Like <see cref="AssignAgentAsync"/>, and also says who was in charge before (null when nobody),
    /// read in the same atomic step, for telling the session who took over.
    /// </summary>
    public async Task<(CovisorSession Session, string? PreviousAgent)?> ReassignAsync(
        string sessionId, string agentUsername, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentUsername);
        if (!SessionIds.IsWellFormed(sessionId, SessionIds.SessionPrefix))
        {
            return null;
        }

        var result = await SessionScripts.AssignAgent.RunAsync(Db, [SessionKeys.Session(sessionId)], [agentUsername], cancellationToken).ConfigureAwait(false);
        if (result.IsNull)
        {
            return null;
        }

        var parts = (RedisResult[])result!;
        var previous = parts[0].ToString();
        var session = SessionRecords.Session(sessionId, SessionRecords.Hash(parts[1]));
        if (session is null)
        {
            return null;
        }

        await IndexAgentAsync(sessionId, agentUsername, previous, cancellationToken).ConfigureAwait(false);
        return (session, string.IsNullOrEmpty(previous) ? null : previous);
    }

    /// <summary>Records that the call ended; the session stays open for the grace period.</summary>
    public async Task<CovisorSession?> MarkCallEndedAsync(string sessionId, CancellationToken cancellationToken = default) =>
        (await TryMarkCallEndedAsync(sessionId, cancellationToken).ConfigureAwait(false))?.Session;
    /// <summary>
    /// Like <see cref="MarkCallEndedAsync"/>, and also says whether this call recorded the end (false
    /// when it was recorded before: a repeated or replayed status callback), so the end is told once.
    /// </summary>
    public async Task<(CovisorSession Session, bool EndedNow)?> TryMarkCallEndedAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        if (!SessionIds.IsWellFormed(sessionId, SessionIds.SessionPrefix))
        {
            return null;
        }

        var result = await SessionScripts.MarkCallEnded.RunAsync(Db, [SessionKeys.Session(sessionId)],
            [SessionRecords.Ms(time.GetUtcNow())], cancellationToken).ConfigureAwait(false);
        if (result.IsNull)
        {
            return null;
        }

        var parts = (RedisResult[])result!;
        return SessionRecords.Session(sessionId, SessionRecords.Hash(parts[1])) is { } session ? (session, (long)parts[0] == 1) : null;
    }

    /// <summary>Closes the session (idempotent); callers also revoke its tokens.</summary>
    public async Task<CovisorSession?> CloseAsync(string sessionId, CancellationToken cancellationToken = default) =>
        (await TryCloseAsync(sessionId, cancellationToken).ConfigureAwait(false))?.Session;
    /// <summary>
    /// Like <see cref="CloseAsync"/>, and also says whether this call is the one that closed it
    /// (false when it was already closed), so only one closer tells the session; null when unknown.
    /// </summary>
    public async Task<(CovisorSession Session, bool ClosedNow)?> TryCloseAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        if (!SessionIds.IsWellFormed(sessionId, SessionIds.SessionPrefix))
        {
            return null;
        }

        var result = await SessionScripts.Close.RunAsync(Db, [SessionKeys.Session(sessionId)],
            [SessionRecords.Ms(time.GetUtcNow())], cancellationToken).ConfigureAwait(false);
        if (result.IsNull)
        {
            return null;
        }

        var parts = (RedisResult[])result!;
        var session = SessionRecords.Session(sessionId, SessionRecords.Hash(parts[1]));
        if (session is null)
        {
            return null;
        }

        if (session.AgentUsername is { } agent)
        {
            await Db.SetRemoveAsync(SessionKeys.AgentSessions(agent), sessionId).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return (session, (long)parts[0] == 1);
    }

    private async Task<CovisorSession> CreateAsync(SessionOrigin origin, string? callSid, string? agentUsername, CancellationToken cancellationToken)
    {
        var session = new CovisorSession(SessionIds.NewSession(), origin, callSid, agentUsername,
            DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds()), null, null);
        var fields = new List<HashEntry> { new("origin", origin.ToString()), new("created", SessionRecords.Ms(session.CreatedAt)) };
        if (callSid is not null)
        {
            fields.Add(new HashEntry("call", callSid));
        }

        if (agentUsername is not null)
        {
            fields.Add(new HashEntry("agent", agentUsername));
        }

        var transaction = Db.CreateTransaction();
        _ = transaction.HashSetAsync(SessionKeys.Session(session.Id), [.. fields]);
        _ = transaction.KeyExpireAsync(SessionKeys.Session(session.Id), Lifetime);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (retention is not null)
        {
            await retention.AddSessionAsync(session.Id, cancellationToken).ConfigureAwait(false);
        }
        return session;
    }

    private async Task IndexAgentAsync(string sessionId, string? agentUsername, string? previousAgent, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(previousAgent) && previousAgent != agentUsername)
        {
            await Db.SetRemoveAsync(SessionKeys.AgentSessions(previousAgent), sessionId).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (agentUsername is null)
        {
            return;
        }

        var transaction = Db.CreateTransaction();
        _ = transaction.SetAddAsync(SessionKeys.AgentSessions(agentUsername), sessionId);
        _ = transaction.KeyExpireAsync(SessionKeys.AgentSessions(agentUsername), Lifetime);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
