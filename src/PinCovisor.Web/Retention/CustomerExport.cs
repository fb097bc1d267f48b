using PhoneBridge.Calls;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Retention;

/// <summary>Everything the host holds about one number, as <c>GET /api/customers/{phone}/export</c> returns it.</summary>
/// <param name="Phone">The number, masked.</param>
/// <param name="ExportedAt">When the export was read.</param>
/// <param name="Calls">The calls filed under the number.</param>
/// <param name="Sessions">Their sessions and the number's conversations.</param>
internal sealed record CustomerExport(string Phone, DateTimeOffset ExportedAt, IReadOnlyList<CallExport> Calls, IReadOnlyList<SessionExport> Sessions);

/// <summary>A call record; the number in it is masked, as stored.</summary>
internal sealed record CallExport(
    string CallSid, string Status, string? MaskedFrom, string? AnsweringAgent, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, int SmsSent)
{
    public static CallExport Of(CallRecord call) =>
        new(call.CallSid, call.Status.ToTwilioString(), call.MaskedFrom, call.AnsweringAgent, call.StartedAt, call.EndedAt, call.SmsSent);
}

/// <summary>A session with its devices, its conversation's customer, its whole event log (the transcript) and its uploads.</summary>
internal sealed record SessionExport(
    string Id, string Origin, string? CallSid, string? Agent, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt,
    IReadOnlyList<ParticipantExport> Participants, ConversationExport? Conversation, IReadOnlyList<CovisorEvent> Events, IReadOnlyList<MediaExport> Media)
{
    public static SessionExport Of(
        CovisorSession session, IReadOnlyList<Participant> participants, ConversationExport? conversation,
        IReadOnlyList<CovisorEvent> events, IReadOnlyList<MediaExport> media) =>
        new(session.Id, session.Origin.ToString(), session.CallSid, session.AgentUsername, session.CreatedAt, session.ClosedAt,
            [.. participants.Select(p => new ParticipantExport(p.Id, p.Admission.ToString(), p.Device, p.JoinedAt))], conversation, events, media);
}

/// <summary>One customer device of a session.</summary>
internal sealed record ParticipantExport(string Id, string Admission, string? Device, DateTimeOffset JoinedAt);

/// <summary>A conversation's customer as stored (the address itself is the number asked for, so it is not repeated).</summary>
internal sealed record ConversationExport(string Channel, string MaskedNumber, string? Name, DateTimeOffset? LastInboundAt);

/// <summary>An upload, its bytes in base64 so the export stands on its own.</summary>
internal sealed record MediaExport(
    string Id, string ContentType, int Width, int Height, long Bytes, string Uploader, DateTimeOffset ExpiresAt, string Base64);
