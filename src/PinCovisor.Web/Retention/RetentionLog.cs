namespace PinCovisor.Web.Retention;

/// <summary>Log events of retention and erasure (3900–3919). Numbers only masked.</summary>
internal static partial class RetentionLog
{
    [LoggerMessage(3900, LogLevel.Warning,
        "{Admin} erased {Phone}: {Calls} calls, {Sessions} sessions, {Events} events, {Media} media, {Conversations} conversations, {Visitors} visitors, {Pins} PINs, {Csat} satisfaction answers")]
    public static partial void Erased(ILogger logger, string admin, string phone, long calls, long sessions, long events, long media,
        long conversations, long visitors, long pins, long csat);

    [LoggerMessage(3901, LogLevel.Information, "{Admin} exported {Phone}: {Calls} calls, {Sessions} sessions")]
    public static partial void Exported(ILogger logger, string admin, string phone, int calls, int sessions);

    [LoggerMessage(3902, LogLevel.Information, "Retention sweep removed {Removed} {DataClass} older than {Days} days")]
    public static partial void Swept(ILogger logger, string dataClass, long removed, int days);

    [LoggerMessage(3903, LogLevel.Warning, "Retention sweep failed; it runs again in {Interval}")]
    public static partial void SweepFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(3904, LogLevel.Information, "Retention sweep done: {Removed} items removed")]
    public static partial void SweepDone(ILogger logger, long removed);
}
