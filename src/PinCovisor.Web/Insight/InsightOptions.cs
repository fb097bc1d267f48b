namespace PinCovisor.Web.Insight;

/// <summary>The admins' insight counters (section <c>Insight</c>).</summary>
public sealed class InsightOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Insight";

    /// <summary>Days a day's counters are kept after that day ends (1–3650).</summary>
    public int KeepDays { get; set; } = 400;

    /// <summary>The longest range, in days, one request for the insight API may cover (1–366).</summary>
    public int MaxRangeDays { get; set; } = 92;
}
