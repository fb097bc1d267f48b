namespace PhoneBridge.Calls;

/// <summary>How long call records are kept, bound to the <c>Calls</c> configuration section.</summary>
public sealed class CallOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Calls";

    /// <summary>
    /// How long a call record (and an agent leg) lives in Redis after its last change. Default 24
    /// hours: longer than any call, short enough that masked numbers do not pile up.
    /// </summary>
    public TimeSpan RecordLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a call that is not over may go without news from the phone network (its status
    /// moving, or an agent answering) before the host ends it as if its "completed" callback had
    /// come: a lost callback must not leave it listed, nor its session open, for a day. Default 4
    /// hours: Twilio cuts every call at its time limit, 4 hours unless set otherwise, so a call
    /// silent that long has ended, while a real call of an hour or two is never cut. Must be shorter
    /// than <see cref="RecordLifetime"/>.
    /// </summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(4);
}
