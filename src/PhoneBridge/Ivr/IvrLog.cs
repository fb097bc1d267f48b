using Microsoft.Extensions.Logging;

namespace PhoneBridge.Ivr;

/// <summary>IVR log events (1400–1499). CallSid is a structured property; never a PIN or full number.</summary>
internal static partial class IvrLog
{
    [LoggerMessage(1400, LogLevel.Information, "Call {CallSid} answered by the IVR; PIN of {PinLength} digits read")]
    public static partial void PinRead(ILogger logger, string callSid, int pinLength);

    [LoggerMessage(1401, LogLevel.Warning, "Call {CallSid}: visual side unavailable during {Step} ({Error}); routing the call without it")]
    public static partial void VisualSideUnavailable(ILogger logger, string callSid, string step, string error, Exception? exception);

    [LoggerMessage(1402, LogLevel.Information, "Call {CallSid} arrived outside business hours")]
    public static partial void Closed(ILogger logger, string callSid);

    [LoggerMessage(1403, LogLevel.Information, "Call {CallSid} routed by {Routing}, attempt {Attempt}")]
    public static partial void Routed(ILogger logger, string callSid, IvrRouting routing, int attempt);

    [LoggerMessage(1404, LogLevel.Warning, "Call {CallSid}: no agent is configured to ring")]
    public static partial void NoAgents(ILogger logger, string callSid);

    [LoggerMessage(1405, LogLevel.Information, "Call {CallSid} answered by agent {Agent}")]
    public static partial void AgentAnswered(ILogger logger, string callSid, string agent);

    [LoggerMessage(1406, LogLevel.Warning, "Call {CallSid}: the answering leg's address matches no agent")]
    public static partial void UnknownAgent(ILogger logger, string callSid);

    [LoggerMessage(1407, LogLevel.Information, "Call {CallSid}: dial ended with {DialStatus}, attempt {Attempt}")]
    public static partial void DialEnded(ILogger logger, string callSid, string dialStatus, int attempt);

    [LoggerMessage(1419, LogLevel.Information, "Call {CallSid}: the leg that answered did not press the key (voicemail or declined); attempt {Attempt}")]
    public static partial void NotAccepted(ILogger logger, string callSid, int attempt);

    [LoggerMessage(1408, LogLevel.Debug, "Call {CallSid} status {Status}")]
    public static partial void Status(ILogger logger, string callSid, string status);

    [LoggerMessage(1409, LogLevel.Warning, "Call {CallSid}: status callback with unknown status")]
    public static partial void UnknownStatus(ILogger logger, string callSid);

    [LoggerMessage(1410, LogLevel.Information, "Call {CallSid}: PIN sent by SMS")]
    public static partial void SmsSent(ILogger logger, string callSid);

    [LoggerMessage(1411, LogLevel.Warning, "Call {CallSid}: PIN not sent by SMS ({Reason})")]
    public static partial void SmsNotSent(ILogger logger, string callSid, string reason);

    [LoggerMessage(1412, LogLevel.Information, "Call {CallSid}: agent {Agent} keyed the right agent code")]
    public static partial void AgentCodeAccepted(ILogger logger, string callSid, string agent);

    [LoggerMessage(1413, LogLevel.Warning, "Call {CallSid}: wrong agent code for agent {Agent}, try {Attempt} of the call")]
    public static partial void AgentCodeWrong(ILogger logger, string callSid, string agent, int attempt);

    [LoggerMessage(1414, LogLevel.Warning, "Call {CallSid}: an agent code keyed from a number that belongs to no agent, try {Attempt} of the call")]
    public static partial void AgentCodeFromUnknownNumber(ILogger logger, string callSid, int attempt);

    [LoggerMessage(1415, LogLevel.Warning, "Call {CallSid}: agent {Agent} has no agent code, so cannot take calls from a phone")]
    public static partial void AgentHasNoCode(ILogger logger, string callSid, string agent);

    [LoggerMessage(1416, LogLevel.Warning, "Call {CallSid}: too many wrong codes for agent {Agent}; codes are refused for {RetryAfterSeconds} s")]
    public static partial void AgentCodeThrottled(ILogger logger, string callSid, string agent, long retryAfterSeconds);

    [LoggerMessage(1417, LogLevel.Information,
        "Agent line (Ivr:Routing Enqueue): {WithCode} agents can call in from their phone with their agent code, {ByClient} from a softphone")]
    public static partial void AgentLineReady(ILogger logger, int withCode, int byClient);

    [LoggerMessage(1418, LogLevel.Warning,
        "Agent line (Ivr:Routing Enqueue): agents {Agents} have phone numbers but no agent code, so they can take queued calls only from a softphone")]
    public static partial void AgentsWithoutCode(ILogger logger, string agents);

    [LoggerMessage(1420, LogLevel.Information, "Call {CallSid}: transfer from agent {From} to agent {To} ringing")]
    public static partial void TransferRinging(ILogger logger, string callSid, string from, string to);

    [LoggerMessage(1421, LogLevel.Warning,
        "Call {CallSid}: transfer to agent {To} not sent ({Failure}, status {Status}, code {Code}); the call goes on as it was")]
    public static partial void TransferNotSent(ILogger logger, string callSid, string to, PhoneBridge.Twilio.Rest.TwilioRestFailure failure, int? status, int? code);

    [LoggerMessage(1422, LogLevel.Information, "Call {CallSid}: transfer dial ended with {DialStatus} (ringing back: {Back})")]
    public static partial void TransferDialEnded(ILogger logger, string callSid, string dialStatus, bool back);

    [LoggerMessage(1423, LogLevel.Information, "Call {CallSid}: agent {To} did not take the transfer; ringing agent {From} again")]
    public static partial void TransferNotTaken(ILogger logger, string callSid, string to, string from);

    [LoggerMessage(1424, LogLevel.Information, "Call {CallSid}: agent {From} did not take the call back; routing it again")]
    public static partial void TransferNotTakenBack(ILogger logger, string callSid, string from);

    [LoggerMessage(1430, LogLevel.Information, "Call {CallSid}: {Length} digits keyed for an order number on try {Attempt} cannot be one")]
    public static partial void OrderDigitsRefused(ILogger logger, string callSid, int length, int attempt);

    [LoggerMessage(1431, LogLevel.Information, "Call {CallSid}: the shop does not know the order number keyed on try {Attempt}")]
    public static partial void OrderNotFound(ILogger logger, string callSid, int attempt);

    [LoggerMessage(1432, LogLevel.Information, "Call {CallSid}: order number keyed ({Check}); passed to the visual side: {Told}")]
    public static partial void OrderKeyed(ILogger logger, string callSid, KeyedOrderCheck check, bool told);

    [LoggerMessage(1433, LogLevel.Warning, "A keyed order number could not be checked with the shop ({Error}); taking it unchecked")]
    public static partial void OrderNotChecked(ILogger logger, string error, Exception? exception);
}
