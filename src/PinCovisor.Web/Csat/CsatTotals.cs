namespace PinCovisor.Web.Csat;

/// <summary>One agent's answers over a range of days.</summary>
/// <param name="Agent">Username.</param>
/// <param name="Responses">How many answers.</param>
/// <param name="Average">Their mean score, rounded to two decimals.</param>
/// <param name="Scores">How many answers gave each score, "1" to "5".</param>
/// <param name="ByChannel">Per channel (<c>web</c>, <c>whatsapp</c>, <c>sms</c>): how many and their mean.</param>
public sealed record CsatAgentResult(
    string Agent, long Responses, double Average, IReadOnlyDictionary<string, long> Scores, IReadOnlyDictionary<string, CsatChannelResult> ByChannel);

/// <summary>One channel's answers of one agent.</summary>
public sealed record CsatChannelResult(long Responses, double Average);

/// <summary>
/// The fields of a day's totals hash: <c>n|agent</c> (answers), <c>sum|agent</c> (their scores added),
/// <c>s1|agent</c>…<c>s5|agent</c> (answers per score), <c>n:channel|agent</c> and <c>sum:channel|agent</c>.
/// The agent goes last, after the first <c>|</c>, so any username fits.
/// </summary>
internal static class CsatTotals
{
    public static IEnumerable<(string Field, long By)> Increments(CsatResponse response) =>
    [
        (Field("n", response.Agent), 1),
        (Field("sum", response.Agent), response.Score),
        (Field("s" + response.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Agent), 1),
        (Field("n:" + response.Channel, response.Agent), 1),
        (Field("sum:" + response.Channel, response.Agent), response.Score),
    ];

    /// <summary>Adds up the day hashes' fields into one result per agent, busiest first.</summary>
    public static IReadOnlyList<CsatAgentResult> Sum(IEnumerable<(string Field, long Value)> fields)
    {
        var agents = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var (field, value) in fields)
        {
            var bar = field.IndexOf('|', StringComparison.Ordinal);
            if (bar <= 0)
            {
                continue;
            }

            var metrics = agents.TryGetValue(field[(bar + 1)..], out var found) ? found : agents[field[(bar + 1)..]] = new(StringComparer.Ordinal);
            metrics[field[..bar]] = metrics.GetValueOrDefault(field[..bar]) + value;
        }

        // An agent whose answers were all erased has fields left at 0: not listed.
        return [.. agents.Where(a => a.Value.GetValueOrDefault("n") > 0).Select(a => Result(a.Key, a.Value)).OrderByDescending(r => r.Responses).ThenBy(r => r.Agent, StringComparer.Ordinal)];
    }

    private static CsatAgentResult Result(string agent, Dictionary<string, long> metrics)
    {
        var count = metrics.GetValueOrDefault("n");
        var scores = Enumerable.Range(1, 5).ToDictionary(
            s => s.ToString(System.Globalization.CultureInfo.InvariantCulture),
            s => metrics.GetValueOrDefault("s" + s.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var channels = metrics.Keys.Where(k => k.StartsWith("n:", StringComparison.Ordinal)).Select(k => k[2..]).Order(StringComparer.Ordinal)
            .ToDictionary(c => c, c => new CsatChannelResult(metrics[("n:" + c)], Mean(metrics.GetValueOrDefault("sum:" + c), metrics["n:" + c])));
        return new CsatAgentResult(agent, count, Mean(metrics.GetValueOrDefault("sum"), count), scores, channels);
    }

    private static double Mean(long sum, long count) => count == 0 ? 0 : Math.Round((double)sum / count, 2);

    private static string Field(string metric, string agent) => metric + "|" + agent;
}
