namespace PinCovisor.Web.Retention;

/// <summary>
/// How long each class of data about customers is kept at most, bound to the <c>Retention</c>
/// section. Retention caps the keys' own lifetimes (<c>Calls:RecordLifetime</c>,
/// <c>Sessions:Lifetime</c>, <c>CovisorHub:HistoryLifetime</c>, <c>Media:Lifetime</c> …): whichever
/// ends first removes the data. 0 days leaves a class to its lifetimes alone.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Retention";

    /// <summary>The longest retention accepted, in days (10 years).</summary>
    public const int MaxDays = 3650;

    /// <summary>Call records, counted from the call's start. Default 90 days.</summary>
    public int CallRecords { get; set; } = 90;

    /// <summary>Sessions' event logs (chat, shares, drawing: the transcript), counted from the session's opening. Default 30 days.</summary>
    public int Transcripts { get; set; } = 30;

    /// <summary>Images and documents uploaded into sessions, counted from the session's opening. Default 30 days.</summary>
    public int Media { get; set; } = 30;

    /// <summary>The sessions themselves, their participants and their WhatsApp/SMS customers, counted from the opening. Default 30 days.</summary>
    public int Conversations { get; set; } = 30;

    /// <summary>Website visitors' records; they carry no phone number and live <c>Visitors:Lifetime</c> after the last page view. Default 30 days.</summary>
    public int Visitors { get; set; } = 30;

    /// <summary>Satisfaction answers, counted from the answer. Default 365 days.</summary>
    public int Csat { get; set; } = 365;

    /// <summary>
    /// Whether this host takes part in the sweep (at start and every <see cref="SweepInterval"/>).
    /// Default true; false leaves sweeping to the other hosts of the same Redis.
    /// </summary>
    public bool Sweep { get; set; } = true;

    /// <summary>How often one host sweeps out what is older than its class's days. Default 1 hour.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most calls and most sessions one sweep removes; the rest waits for the next. Default 500.</summary>
    public int SweepBatch { get; set; } = 500;

    /// <summary>The days of a class by its name (<see cref="RetainedClass"/>); 0 for an unknown one.</summary>
    public int DaysOf(string dataClass) => dataClass switch
    {
        RetainedClass.CallRecords => CallRecords,
        RetainedClass.Transcripts => Transcripts,
        RetainedClass.Media => Media,
        RetainedClass.Conversations => Conversations,
        RetainedClass.Visitors => Visitors,
        RetainedClass.Csat => Csat,
        _ => 0,
    };
}

/// <summary>The names of the data classes, as <see cref="IRetainedData.DataClass"/> gives them.</summary>
public static class RetainedClass
{
    public const string CallRecords = "callRecords";
    public const string Transcripts = "transcripts";
    public const string Media = "media";
    public const string Conversations = "conversations";
    public const string Visitors = "visitors";
    public const string Csat = "csat";
}
