namespace PhoneBridge.Twilio.Rest;

/// <summary>
/// Controls calls through Twilio's REST Calls API. Every method answers with a result: Twilio's
/// errors and network failures are in <see cref="TwilioRestResult{T}.Error"/>, never thrown.
/// </summary>
public interface ITwilioCalls
{
    /// <summary>
    /// Replaces what a live call is doing with <paramref name="twimlXml"/> (a whole <c>&lt;Response&gt;</c>
    /// document). The value is the call's status after the update.
    /// </summary>
    Task<TwilioRestResult<string>> UpdateTwimlAsync(string callSid, string twimlXml, CancellationToken cancellationToken = default);

    /// <summary>
    /// Places an outbound call to <paramref name="recipient"/>, showing <paramref name="callerId"/> (a number of the account); Twilio fetches
    /// its TwiML from <paramref name="url"/> once it is answered and, when <paramref name="statusCallback"/>
    /// is given, reports it ringing, answered and ended there. The value is the new call's SID.
    /// </summary>
    Task<TwilioRestResult<string>> CreateAsync(string recipient, string callerId, Uri url, Uri? statusCallback, CancellationToken cancellationToken = default);

    /// <summary>
    /// The call's status as Twilio knows it (<c>queued</c>, <c>ringing</c>, <c>in-progress</c>,
    /// <c>completed</c>, <c>busy</c>, <c>failed</c>, <c>no-answer</c>, <c>canceled</c>); a null value
    /// with no error when Twilio does not know the call (404, error 20404).
    /// </summary>
    Task<TwilioRestResult<string>> FetchStatusAsync(string callSid, CancellationToken cancellationToken = default);
}
