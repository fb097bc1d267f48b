namespace PinCovisor.Web.Csat;

/// <summary>One customer's answer to the survey of one session.</summary>
/// <param name="SessionId">The session it rates.</param>
/// <param name="Agent">The agent in charge when the session closed (username).</param>
/// <param name="Channel">The session's channel as the insight page names it: <c>voice</c>, <c>web</c>, <c>whatsapp</c> or <c>sms</c>.</param>
/// <param name="Score">1 (bad) to 5 (very good).</param>
/// <param name="Comment">What the customer added, plain text as typed; null for none.</param>
/// <param name="At">When it was recorded.</param>
public sealed record CsatResponse(string SessionId, string Agent, string Channel, int Score, string? Comment, DateTimeOffset At);

/// <summary>What <see cref="CsatStore.RecordAsync"/> did with an answer.</summary>
public enum CsatOutcome
{
    /// <summary>Stored now, counted in the totals.</summary>
    Recorded,

    /// <summary>The same message was recorded before (a retried webhook): nothing changed.</summary>
    Repeated,

    /// <summary>The session already has an answer; this one is refused.</summary>
    AlreadyAnswered,

    /// <summary>Its <c>Csat:ResponseWindow</c> has passed.</summary>
    Expired,

    /// <summary>No question was asked for this session.</summary>
    NotAsked,
}

/// <summary>The outcome of recording an answer, with the stored answer when it is <see cref="CsatOutcome.Recorded"/>.</summary>
public sealed record CsatRecording(CsatOutcome Outcome, CsatResponse? Response = null);

/// <summary>The question asked when a session closed: whom it rates and when the session ended.</summary>
internal sealed record CsatOffer(string SessionId, string Agent, string Channel, DateTimeOffset EndedAt);
