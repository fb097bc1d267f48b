namespace PinCovisor.Web.Insight;

/// <summary>Log events of the insight counters (3200–3209).</summary>
internal static partial class InsightLog
{
    [LoggerMessage(3200, LogLevel.Warning, "An insight counter ({Step}) was not recorded: {Reason}")]
    public static partial void NotRecorded(ILogger logger, string step, string reason);
}
