namespace PinCovisor.Web.Sessions;

/// <summary>How a session began.</summary>
public enum SessionOrigin
{
    /// <summary>A caller redeemed the PIN of a phone call.</summary>
    Call,

    /// <summary>An agent invited a website visitor; there is no call.</summary>
    Web,

    /// <summary>A customer wrote to the shop's WhatsApp sender: a conversation, with no call.</summary>
    WhatsApp,

    /// <summary>A customer texted the shop's SMS number: a conversation, with no call.</summary>
    Sms,
}

/// <summary>A visual session between one agent and a customer (who may use several devices).</summary>
/// <param name="Id">Random id (<c>s_</c> + 128 bits, URL-safe).</param>
/// <param name="Origin">Call or web.</param>
/// <param name="CallSid">The call it belongs to; null for web sessions.</param>
/// <param name="AgentUsername">The agent in charge (the call's answering agent, or after a transfer the new one); null while nobody has answered.</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="CallEndedAt">When its call ended; the session closes a grace period later.</param>
/// <param name="ClosedAt">When it closed; a closed session accepts nothing and its tokens are revoked.</param>
public sealed record CovisorSession(
    string Id,
    SessionOrigin Origin,
    string? CallSid,
    string? AgentUsername,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CallEndedAt,
    DateTimeOffset? ClosedAt)
{
    public bool IsClosed => ClosedAt is not null;
}

/// <summary>Whether the agent has let a joiner in (the waiting room).</summary>
public enum AdmissionState
{
    Pending,
    Admitted,
    Rejected,
}

/// <summary>One customer device in a session.</summary>
/// <param name="Id">Random participant id (<c>p_</c> + 128 bits).</param>
/// <param name="SessionId">The session.</param>
/// <param name="Admission">Waiting, admitted or rejected.</param>
/// <param name="Device">What the joiner's browser says it is (user agent, shortened), shown to the agent.</param>
/// <param name="JoinedAt">When the PIN (or device link) was entered.</param>
public sealed record Participant(string Id, string SessionId, AdmissionState Admission, string? Device, DateTimeOffset JoinedAt);
