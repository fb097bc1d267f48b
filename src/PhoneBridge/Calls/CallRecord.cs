namespace PhoneBridge.Calls;

/// <summary>What PhoneBridge knows about a call.</summary>
/// <param name="CallSid">Twilio's id of the caller's call leg.</param>
/// <param name="Status">The latest status; once over, it no longer changes.</param>
/// <param name="MaskedFrom">The caller's number as <see cref="PhoneNumberMask"/> shows it; null when Twilio sent none. The full number is never stored.</param>
/// <param name="AnsweringAgent">The agent who answered most recently, if any.</param>
/// <param name="StartedAt">When PhoneBridge first saw the call.</param>
/// <param name="EndedAt">When an over status arrived, if one has.</param>
/// <param name="SmsSent">How many SMS were allowed for the call.</param>
public sealed record CallRecord(
    string CallSid,
    CallStatus Status,
    string? MaskedFrom,
    string? AnsweringAgent,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    int SmsSent)
{
    /// <summary>When the call's status last moved (or an agent answered it); its start when nothing has since.</summary>
    public DateTimeOffset MovedAt { get; init; } = StartedAt;

    /// <summary>When Twilio's REST API last said the call was still live (queued, ringing or in progress); null when it never did.</summary>
    public DateTimeOffset? CheckedAt { get; init; }

    /// <summary>
    /// Set when the host ended the call itself because there was no news of it for
    /// <see cref="CallOptions.StaleAfter"/> and Twilio could not say it had ended: how long it had
    /// been silent. Null for every other end, including one Twilio's REST API reported.
    /// </summary>
    public TimeSpan? EndedAfterSilence { get; init; }

    /// <summary>For a call the host ended itself (after silence, or as Twilio reported): whether its end has been passed on to the visual side.</summary>
    internal bool EndTold { get; init; }

    /// <summary>The latest news of the call: its last move, or Twilio saying it is still live, whichever came later.</summary>
    internal DateTimeOffset NewsAt => CheckedAt is { } checkedAt && checkedAt > MovedAt ? checkedAt : MovedAt;
}
