namespace PinCovisor.Web.Sessions;

/// <summary>Sessions and their participants, in Redis under <c>pb:{session:…}</c>.</summary>
public interface ISessionStore
{
    Task<CovisorSession?> GetAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>The session of a call, if one was opened.</summary>
    Task<CovisorSession?> FindByCallAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>Opens the call's session, or returns the one it already has (one session per call).</summary>
    Task<CovisorSession> OpenForCallAsync(string callSid, string? agentUsername, CancellationToken cancellationToken = default);

    /// <summary>Opens a session without a call (an agent invited a website visitor).</summary>
    Task<CovisorSession> OpenForWebAsync(string agentUsername, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a WhatsApp or SMS conversation's session with nobody in charge and in no index yet:
    /// the conversation's address index decides whether it is kept (see <c>Conversations/ConversationStore</c>).
    /// </summary>
    Task<CovisorSession> OpenForMessagingAsync(SessionOrigin origin, CancellationToken cancellationToken = default);

    /// <summary>Sessions an agent is in charge of and that are not closed.</summary>
    Task<IReadOnlyList<CovisorSession>> ListOpenForAgentAsync(string agentUsername, CancellationToken cancellationToken = default);

    Task<Participant> AddParticipantAsync(string sessionId, AdmissionState admission, string? device, CancellationToken cancellationToken = default);

    Task<Participant?> GetParticipantAsync(string sessionId, string participantId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Participant>> ListParticipantsAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Admits or rejects; null when the participant does not exist.</summary>
    Task<Participant?> SetAdmissionAsync(string sessionId, string participantId, AdmissionState admission, CancellationToken cancellationToken = default);

    /// <summary>Puts an agent in charge (answer, claim or transfer); null when the session is unknown or closed.</summary>
    Task<CovisorSession?> AssignAgentAsync(string sessionId, string agentUsername, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="AssignAgentAsync"/>, and also says who was in charge before (null when nobody),
    /// read in the same atomic step, for telling the session who took over.
    /// </summary>
    Task<(CovisorSession Session, string? PreviousAgent)?> ReassignAsync(string sessionId, string agentUsername, CancellationToken cancellationToken = default);

    /// <summary>Records that the call ended; the session stays open for the grace period.</summary>
    Task<CovisorSession?> MarkCallEndedAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="MarkCallEndedAsync"/>, and also says whether this call recorded the end (false
    /// when it was recorded before: a repeated or replayed status callback), so the end is told once.
    /// </summary>
    Task<(CovisorSession Session, bool EndedNow)?> TryMarkCallEndedAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Closes the session (idempotent); callers also revoke its tokens.</summary>
    Task<CovisorSession?> CloseAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="CloseAsync"/>, and also says whether this call is the one that closed it
    /// (false when it was already closed), so only one closer tells the session; null when unknown.
    /// </summary>
    Task<(CovisorSession Session, bool ClosedNow)?> TryCloseAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Remembers the id of the access token issued to a participant; false when the participant does not exist.</summary>
    Task<bool> RememberTokenAsync(string sessionId, string participantId, string tokenId, CancellationToken cancellationToken = default);

    /// <summary>The id of the access token issued to a participant, to revoke it; null when none was remembered.</summary>
    Task<string?> FindTokenAsync(string sessionId, string participantId, CancellationToken cancellationToken = default);
}
