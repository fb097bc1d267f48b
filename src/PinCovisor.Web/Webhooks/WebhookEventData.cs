namespace PinCovisor.Web.Webhooks;

/// <summary><c>call.started</c>: a call reached the IVR. The number is masked as everywhere: the full number is never stored.</summary>
internal sealed record CallStartedData(string CallSid, string? From, DateTimeOffset StartedAt);

/// <summary><c>session.started</c>: the first customer device entered the session.</summary>
internal sealed record SessionStartedData(string SessionId, string Origin, string? CallSid, string? Agent, DateTimeOffset CreatedAt);

/// <summary><c>participant.admitted</c>: a customer device is in the session (let in by the agent, or directly).</summary>
internal sealed record ParticipantAdmittedData(string SessionId, string ParticipantId, string? Device, string? Agent, DateTimeOffset JoinedAt);

/// <summary><c>session.transferred</c>: another agent is in charge.</summary>
internal sealed record SessionTransferredData(string SessionId, string FromAgent, string ToAgent);

/// <summary><c>session.ended</c>, with the transcript export's absolute link when the host knows its public address.</summary>
internal sealed record SessionEndedData(
    string SessionId, string Reason, string Origin, string? CallSid, string? Agent, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt,
    string TranscriptPath, Uri? TranscriptUrl);

/// <summary>
/// <c>csat.submitted</c>: what the satisfaction survey publishes through
/// <c>ShopEvents.PublishAsync(WebhookEventTypes.CsatSubmitted, new CsatSubmittedData(…), onceFor: sessionId + participant)</c>.
/// </summary>
internal sealed record CsatSubmittedData(string SessionId, string? Agent, string Channel, int Score, string? Comment);
