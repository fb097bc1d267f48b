namespace PinCovisor.Web.Insight;

/// <summary>The insight API's answer for a range of UTC days.</summary>
/// <param name="From">First day (<c>yyyy-MM-dd</c>).</param>
/// <param name="To">Last day, included.</param>
/// <param name="Channels">The channels counted (all, or the one asked for).</param>
/// <param name="Days">Each day of the range, oldest first, the channels summed.</param>
/// <param name="Totals">The whole range, the channels summed.</param>
/// <param name="Rows">One per day and channel, as the CSV has them.</param>
/// <param name="Agents">One per agent and channel with any session or CSAT answer in the range.</param>
/// <param name="Buckets">The histograms' upper bucket edges in seconds.</param>
public sealed record InsightReport(
    string From,
    string To,
    IReadOnlyList<string> Channels,
    IReadOnlyList<InsightDay> Days,
    InsightCounts Totals,
    IReadOnlyList<InsightRow> Rows,
    IReadOnlyList<InsightAgent> Agents,
    InsightEdges Buckets);

/// <summary>One day's counts.</summary>
public sealed record InsightDay(string Date, InsightCounts Counts);

/// <summary>One day's counts on one channel.</summary>
public sealed record InsightRow(string Date, string Channel, InsightCounts Counts);

/// <summary>The funnel, the calls with a visual session and the two durations (docs/insight.md defines each).</summary>
/// <param name="PinsIssued">Calls the IVR gave a PIN.</param>
/// <param name="PageOpened">Loads of the page where the PIN is typed.</param>
/// <param name="PinTyped">Calls whose PIN was typed and redeemed.</param>
/// <param name="Admitted">Sessions whose first device was let in.</param>
/// <param name="FirstMessage">Sessions with a first chat line.</param>
/// <param name="VisualCalls">Calls whose session let a device in.</param>
/// <param name="VisualShare">Calls whose caller got a visual session, of the calls given a PIN (0–1); null without calls.</param>
/// <param name="TimeToJoin">PIN issued → first device admitted.</param>
/// <param name="FirstResponse">Customer's first line → the agent's first answer.</param>
public sealed record InsightCounts(
    long PinsIssued,
    long PageOpened,
    long PinTyped,
    long Admitted,
    long FirstMessage,
    long VisualCalls,
    double? VisualShare,
    InsightTimes TimeToJoin,
    InsightTimes FirstResponse);

/// <summary>A histogram's count, its percentiles (seconds, from the buckets) and the bucket counts.</summary>
public sealed record InsightTimes(long Count, double? P50Seconds, double? P90Seconds, IReadOnlyList<long> Buckets);

/// <summary>One agent's sessions and CSAT answers on one channel.</summary>
/// <param name="Agent">The agent's username; null for answers with nobody in charge.</param>
/// <param name="Channel">One of <see cref="InsightChannels"/>.</param>
/// <param name="Sessions">Sessions the agent answered first in.</param>
/// <param name="CsatCount">CSAT answers.</param>
/// <param name="CsatSum">Their scores added up.</param>
/// <param name="CsatAverage">The mean score; null without answers.</param>
/// <param name="CsatScores">Answers per score, 1 to 5.</param>
public sealed record InsightAgent(string? Agent, string Channel, long Sessions, long CsatCount, long CsatSum, double? CsatAverage, IReadOnlyList<long> CsatScores);

/// <summary>Upper bucket edges (seconds) of the two histograms; the last bucket of each is open.</summary>
public sealed record InsightEdges(IReadOnlyList<double> TimeToJoin, IReadOnlyList<double> FirstResponse);
