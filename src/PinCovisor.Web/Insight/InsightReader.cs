using StackExchange.Redis;

namespace PinCovisor.Web.Insight;

/// <summary>Adds up the day hashes of a range into an <see cref="InsightReport"/>: one HGETALL per day, sent together.</summary>
internal sealed class InsightReader(IConnectionMultiplexer redis)
{
    public async Task<InsightReport> ReadAsync(DateOnly from, DateOnly to, string? channel = null, CancellationToken cancellationToken = default)
    {
        var channels = channel is null ? InsightChannels.All : [channel];
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        var db = redis.GetDatabase();
        var hashes = await Task.WhenAll(days.Select(d => db.HashGetAllAsync(InsightKeys.Day(d)))).WaitAsync(cancellationToken).ConfigureAwait(false);

        var total = new InsightTally();
        var perDay = new List<InsightDay>();
        var rows = new List<InsightRow>();
        var agents = new SortedDictionary<(string Agent, string Channel), long[]>();
        for (var i = 0; i < days.Count; i++)
        {
            var byChannel = channels.ToDictionary(c => c, _ => new InsightTally(), StringComparer.Ordinal);
            foreach (var entry in hashes[i])
            {
                var field = (string)entry.Name!;
                if (!entry.Value.TryParse(out long value))
                {
                    continue;
                }

                if (field.StartsWith("agent:", StringComparison.Ordinal))
                {
                    AddAgent(agents, field, value, channels);
                }
                else if (field.IndexOf(':', StringComparison.Ordinal) is > 0 and var cut
                    && byChannel.TryGetValue(field[..cut], out var tally))
                {
                    tally.Add(field[(cut + 1)..], value);
                }
            }

            var date = InsightKeys.DayName(days[i]);
            var day = new InsightTally();
            foreach (var c in channels)
            {
                day.Add(byChannel[c]);
                rows.Add(new InsightRow(date, c, byChannel[c].ToCounts()));
            }

            total.Add(day);
            perDay.Add(new InsightDay(date, day.ToCounts()));
        }

        return new InsightReport(
            InsightKeys.DayName(from), InsightKeys.DayName(to), channels, perDay, total.ToCounts(), rows,
            [.. agents.Select(a => Agent(a.Key.Agent, a.Key.Channel, a.Value))],
            new InsightEdges(InsightBuckets.TimeToJoin.Edges, InsightBuckets.FirstResponse.Edges));
    }

    // "agent:<channel>:<username>:sessions" or "agent:<channel>:<username>:csat:<score>";
    // sums: [sessions, score 1 … score 5].
    private static void AddAgent(
        SortedDictionary<(string, string), long[]> agents, string field, long value, IReadOnlyList<string> channels)
    {
        var parts = field.Split(':');
        if (parts.Length < 4 || !channels.Contains(parts[1], StringComparer.Ordinal))
        {
            return;
        }

        var slot = parts switch
        {
            [_, _, _, "sessions"] => 0,
            [_, _, _, "csat", var s] when int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var score)
                && score is >= 1 and <= 5 => score,
            _ => -1,
        };
        if (slot < 0)
        {
            return;
        }

        var key = (parts[2], parts[1]);
        if (!agents.TryGetValue(key, out var sums))
        {
            agents[key] = sums = new long[6];
        }

        sums[slot] += value;
    }

    private static InsightAgent Agent(string agent, string channel, long[] sums)
    {
        var scores = sums[1..];
        var count = scores.Sum();
        var sum = scores.Select((n, i) => n * (i + 1)).Sum();
        return new InsightAgent(agent == InsightSteps.NoAgent ? null : agent, channel, sums[0], count, sum,
            count == 0 ? null : Math.Round((double)sum / count, 2), scores);
    }
}
