namespace PhoneBridge.Calls;

/// <summary>Twilio's spelling of <see cref="CallStatus"/>, and which statuses end a call.</summary>
public static class CallStatusExtensions
{
    private static readonly Dictionary<string, CallStatus> ByTwilioName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["queued"] = CallStatus.Queued,
        ["ringing"] = CallStatus.Ringing,
        ["in-progress"] = CallStatus.InProgress,
        ["completed"] = CallStatus.Completed,
        ["busy"] = CallStatus.Busy,
        ["failed"] = CallStatus.Failed,
        ["no-answer"] = CallStatus.NoAnswer,
        ["canceled"] = CallStatus.Canceled,
    };

    /// <summary>Whether the call has ended: completed, busy, failed, no-answer or canceled.</summary>
    public static bool IsOver(this CallStatus status) => status is
        CallStatus.Completed or CallStatus.Busy or CallStatus.Failed or CallStatus.NoAnswer or CallStatus.Canceled;

    /// <summary>Reads Twilio's <c>CallStatus</c> value (case-insensitive); false for anything else.</summary>
    public static bool TryParseTwilio(string? value, out CallStatus status) =>
        ByTwilioName.TryGetValue(value?.Trim() ?? string.Empty, out status);

    /// <summary>Twilio's spelling, e.g. <c>in-progress</c>.</summary>
    public static string ToTwilioString(this CallStatus status) => status switch
    {
        CallStatus.Queued => "queued",
        CallStatus.Ringing => "ringing",
        CallStatus.InProgress => "in-progress",
        CallStatus.Completed => "completed",
        CallStatus.Busy => "busy",
        CallStatus.Failed => "failed",
        CallStatus.NoAnswer => "no-answer",
        CallStatus.Canceled => "canceled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a call status."),
    };
}
