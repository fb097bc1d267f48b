namespace PhoneBridge.Calls;

/// <summary>A call's status, as Twilio reports it in <c>CallStatus</c>.</summary>
public enum CallStatus
{
    /// <summary>"queued": waiting to be placed.</summary>
    Queued,

    /// <summary>"ringing".</summary>
    Ringing,

    /// <summary>"in-progress": answered.</summary>
    InProgress,

    /// <summary>"completed": answered and ended normally.</summary>
    Completed,

    /// <summary>"busy".</summary>
    Busy,

    /// <summary>"failed".</summary>
    Failed,

    /// <summary>"no-answer".</summary>
    NoAnswer,

    /// <summary>"canceled": hung up while queued or ringing.</summary>
    Canceled,
}
