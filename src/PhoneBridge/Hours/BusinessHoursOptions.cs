namespace PhoneBridge.Hours;

/// <summary>When the shop answers the phone (section <c>BusinessHours</c>).</summary>
public sealed class BusinessHoursOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "BusinessHours";

    /// <summary>IANA time zone the opening hours are written in.</summary>
    public string TimeZone { get; set; } = "Europe/Madrid";

    /// <summary>
    /// Opening hours per day of the week, e.g. <c>"Monday": "09:00-14:00, 16:00-20:00"</c>. A day
    /// that is absent or empty is closed. With no day configured at all the line is always open.
    /// </summary>
    public IDictionary<DayOfWeek, string> Weekly { get; } = new Dictionary<DayOfWeek, string>();

    /// <summary>Dates (<c>yyyy-MM-dd</c>, local to <see cref="TimeZone"/>) when the shop is closed all day.</summary>
    public IList<string> ClosedDates { get; } = [];
}
