using Microsoft.Extensions.Logging;

namespace PhoneBridge.Calls;

/// <summary>Call log events (1300-1399): CallSids, statuses and agent ids, never a caller's number.</summary>
internal static partial class CallLog
{
    [LoggerMessage(1300, LogLevel.Debug, "Call {CallSid} recorded")]
    public static partial void Recorded(ILogger logger, string callSid);

    [LoggerMessage(1301, LogLevel.Information, "Call {CallSid} is now {Status}")]
    public static partial void StatusChanged(ILogger logger, string callSid, string status);

    [LoggerMessage(1302, LogLevel.Debug, "Call {CallSid}: status {Status} ignored (repeated, out of order or after the end)")]
    public static partial void StatusIgnored(ILogger logger, string callSid, string status);

    // Debug: whoever bound the agent (the IVR's whisper, the queue, a claim by PIN) says so at Information.
    [LoggerMessage(1303, LogLevel.Debug, "Call {CallSid} bound to agent {AgentId}")]
    public static partial void AgentBound(ILogger logger, string callSid, string agentId);

    [LoggerMessage(1304, LogLevel.Debug, "Call {CallSid} is unknown; {Operation} skipped")]
    public static partial void UnknownCall(ILogger logger, string callSid, string operation);

    [LoggerMessage(1305, LogLevel.Information, "Call {CallSid} reached its limit of {MaxSms} SMS")]
    public static partial void SmsLimitReached(ILogger logger, string callSid, int maxSms);

    [LoggerMessage(1306, LogLevel.Debug, "Agent {AgentId} is on call leg {AgentLegCallSid}")]
    public static partial void AgentLegRecorded(ILogger logger, string agentLegCallSid, string agentId);

    [LoggerMessage(1307, LogLevel.Warning, "Call {CallSid}: the record changed but the live calls index did not follow")]
    public static partial void LiveIndexNotUpdated(ILogger logger, Exception exception, string callSid);

    [LoggerMessage(1308, LogLevel.Information,
        "Call {CallSid}: agent {AgentId} not bound ({Outcome}: the leg bound the call before, or the call has ended)")]
    public static partial void BindingRefused(ILogger logger, string callSid, string agentId, CallBindingOutcome outcome);

    [LoggerMessage(1309, LogLevel.Warning,
        "Call {CallSid} ended by the host: no news from the phone network for {Silence} (its end callback never came, and Twilio's REST API could not say)")]
    public static partial void EndedAfterSilence(ILogger logger, string callSid, TimeSpan silence);

    [LoggerMessage(1310, LogLevel.Warning, "Checking or ending silent calls failed; the next sweep tries again")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(1311, LogLevel.Warning,
        "Call {CallSid} ended by the host as Twilio's REST API reports it: {Status} (its end callback never came)")]
    public static partial void EndedAsReported(ILogger logger, string callSid, string status);

    [LoggerMessage(1312, LogLevel.Debug, "Call {CallSid}: no news for a while, and Twilio's REST API says it is still live")]
    public static partial void StillLive(ILogger logger, string callSid);

    [LoggerMessage(1313, LogLevel.Debug, "Call {CallSid}: Twilio's REST API could not say how it stands ({Reason})")]
    public static partial void CheckUnanswered(ILogger logger, string callSid, string reason);
}
