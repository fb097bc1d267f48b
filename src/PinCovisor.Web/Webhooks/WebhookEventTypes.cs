namespace PinCovisor.Web.Webhooks;

/// <summary>The event types the shop's receivers can hear (docs/webhooks.md describes each one's data).</summary>
public static class WebhookEventTypes
{
    public const string CallStarted = "call.started";
    public const string SessionStarted = "session.started";
    public const string ParticipantAdmitted = "participant.admitted";
    public const string SessionTransferred = "session.transferred";
    public const string SessionEnded = "session.ended";
    public const string CsatSubmitted = "csat.submitted";

    public static readonly IReadOnlyList<string> All =
        [CallStarted, SessionStarted, ParticipantAdmitted, SessionTransferred, SessionEnded, CsatSubmitted];
}
