using System.Globalization;
using PinCovisor.Web.Redis;
using StackExchange.Redis;

namespace PinCovisor.Web.Insight;

/// <summary>
/// Where the insight counters live: one hash per UTC day (<c>pb:insight:2026-12-04</c>, a global key
/// of its own), one marker hash per call (<c>pb:insight-call:CA…</c>) and one per session, in the
/// session's slot (<c>pb:{session:…}:insight</c>). Every command touches one key.
/// </summary>
internal static class InsightKeys
{
    /// <summary>How long a call's or a session's markers outlive their last write.</summary>
    public static readonly TimeSpan MarkerLifetime = TimeSpan.FromDays(2);

    public static RedisKey Day(DateOnly day) => CovisorKeys.Global("insight", DayName(day));

    public static RedisKey Call(string callSid) => CovisorKeys.Global("insight-call", callSid);

    public static RedisKey Session(string sessionId) => CovisorKeys.SessionScoped(sessionId, "insight");

    public static string DayName(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    // Day fields: "<channel>:<step>", "<channel>:ttj:<bucket>", "<channel>:frt:<bucket>",
    // "agent:<channel>:<username>:sessions" and "agent:<channel>:<username>:csat:<score>".
    public static string Step(string channel, string step) => $"{channel}:{step}";

    public static string Bucket(string channel, string histogram, int bucket) =>
        $"{channel}:{histogram}:{bucket.ToString(CultureInfo.InvariantCulture)}";

    public static string AgentSessions(string channel, string agent) => $"agent:{channel}:{agent}:sessions";

    public static string AgentCsat(string channel, string agent, int score) =>
        $"agent:{channel}:{agent}:csat:{score.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>The funnel steps and histograms as named in the day hashes.</summary>
internal static class InsightSteps
{
    public const string PinsIssued = "pins";
    public const string PageOpened = "opened";
    public const string PinTyped = "typed";
    public const string Admitted = "admitted";
    public const string FirstMessage = "first";
    public const string VisualCalls = "visual";
    public const string TimeToJoin = "ttj";
    public const string FirstResponse = "frt";

    /// <summary>Stands for "no agent in charge" where an agent's username would be (usernames start with a letter or digit).</summary>
    public const string NoAgent = "-";
}
