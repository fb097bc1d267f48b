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
}
