using System.ComponentModel.DataAnnotations;
using PhoneBridge.Agents;
using PhoneBridge.Calls;
using PinCovisor.Web.Conversations;

namespace PinCovisor.Web.Sessions;

/// <summary>A participant as the agent sees them in the waiting room.</summary>
/// <param name="Id">Participant id.</param>
/// <param name="Admission"><c>pending</c>, <c>admitted</c> or <c>rejected</c>.</param>
/// <param name="Device">What the browser says it is, e.g. "Chrome on Android".</param>
/// <param name="JoinedAt">When the PIN or link was entered.</param>
internal sealed record ParticipantView(
    string Id, [property: AllowedValues(JoinJson.Pending, JoinJson.Admitted, JoinJson.Rejected)] string Admission, string? Device, DateTimeOffset JoinedAt)
{
    public static ParticipantView From(Participant participant) =>
        new(participant.Id, JoinJson.Admission(participant.Admission), participant.Device, participant.JoinedAt);
}

/// <summary>A session as the agent in charge sees it.</summary>
/// <remarks>
/// <c>Origin</c> is <c>call</c>, <c>web</c>, <c>whatsapp</c> or <c>sms</c>; <c>MaskedFrom</c> is the caller's
/// or the writing customer's number, masked; <c>CustomerName</c> the WhatsApp profile name, when there is one;
/// <c>WindowClosesAt</c> when WhatsApp's 24-hour window for free text closes (null for SMS and other sessions).
/// </remarks>
internal sealed record AgentSessionView(
    string Id,
    [property: AllowedValues("call", "web", "whatsapp", "sms")] string Origin,
    string? CallSid,
    string? Agent,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CallEndedAt,
    IReadOnlyList<ParticipantView> Participants,
    string? MaskedFrom,
    string? CustomerName = null,
    DateTimeOffset? WindowClosesAt = null)
{
    public static AgentSessionView From(
        CovisorSession session, IEnumerable<Participant> participants, CallRecord? call, ConversationCustomer? customer = null) => new(
        session.Id,
        OriginName(session.Origin),
        session.CallSid,
        session.AgentUsername,
        session.CreatedAt,
        session.CallEndedAt,
        [.. participants.Select(ParticipantView.From)],
        call?.MaskedFrom ?? customer?.MaskedNumber,
        customer?.Name,
        ConversationWindow.ClosesAt(customer));

    public static string OriginName(SessionOrigin origin) => origin switch
    {
        SessionOrigin.Call => "call",
        SessionOrigin.WhatsApp => "whatsapp",
        SessionOrigin.Sms => "sms",
        _ => "web",
    };
}

/// <summary>A session as one of its customers sees it (also while waiting): who they are with and whether they are in.</summary>
internal sealed record CustomerSessionView(
    string Id, AgentForCustomer? Agent, [property: AllowedValues(JoinJson.Pending, JoinJson.Admitted, JoinJson.Rejected)] string Admission,
    DateTimeOffset? CallEndedAt)
{
    public static CustomerSessionView From(CovisorSession session, Participant participant, IAgentDirectory agents) =>
        new(session.Id, JoinJson.Agent(agents, session.AgentUsername), JoinJson.Admission(participant.Admission), session.CallEndedAt);
}
