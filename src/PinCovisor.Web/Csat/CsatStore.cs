using System.Globalization;
using Microsoft.Extensions.Options;
using PinCovisor.Web.Insight;
using PinCovisor.Web.Sessions;
using PinCovisor.Web.Webhooks;
using StackExchange.Redis;

namespace PinCovisor.Web.Csat;

/// <summary>
/// Survey answers in Redis: the question asked and the one answer in the session's slot, day totals
/// per agent and time indexes in global keys (<see cref="CsatKeys"/>). <see cref="RecordAsync"/> is the
/// one place every answer goes through, whatever the channel: an answer recorded there is counted for
/// the insight page and published to the shop as <c>csat.submitted</c>.
/// </summary>
internal sealed class CsatStore(
    IConnectionMultiplexer redis,
    IOptions<CsatOptions> options,
    InsightCounters insight,
    ShopEvents shopEvents,
    TimeProvider time,
    ILogger<CsatStore> logger)
{
    /// <summary>The most answers one listing returns.</summary>
    public const int MaxListed = 200;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Records that <paramref name="offer"/>'s session was asked; answers are taken for <c>Csat:ResponseWindow</c>.</summary>
    public async Task OfferAsync(CsatOffer offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var key = CsatKeys.Offer(offer.SessionId);
        var transaction = Db.CreateTransaction();
        _ = transaction.HashSetAsync(key,
        [
            new("agent", offer.Agent),
            new("channel", offer.Channel),
            new("ended", offer.EndedAt.ToUnixTimeMilliseconds()),
        ]);
        _ = transaction.KeyExpireAsync(key, options.Value.ResponseWindow);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The question asked of the session, while it still takes an answer; null otherwise.</summary>
    public async Task<CsatOffer?> GetOfferAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var hash = SessionRecords.Hash(await Db.HashGetAllAsync(CsatKeys.Offer(sessionId)).WaitAsync(cancellationToken).ConfigureAwait(false));
        return hash.TryGetValue("agent", out var agent) && hash.TryGetValue("channel", out var channel)
            && long.TryParse(hash.GetValueOrDefault("ended"), CultureInfo.InvariantCulture, out var ended)
            ? new CsatOffer(sessionId, agent, channel, DateTimeOffset.FromUnixTimeMilliseconds(ended))
            : null;
    }

    /// <summary>
    /// Records the session's one answer, once: a second answer is refused, the same
    /// <paramref name="messageId"/> again (a retried webhook) changes nothing. A recorded answer is
    /// counted in its day's totals and indexed by time.
    /// </summary>
    /// <param name="sessionId">The session rated.</param>
    /// <param name="score">1 to 5.</param>
    /// <param name="comment">Plain text, at most <c>Csat:MaxComment</c> characters; null or empty for none.</param>
    /// <param name="messageId">What makes a repeated delivery recognisable (Twilio's MessageSid); null for none.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The outcome, with the stored answer when recorded now.</returns>
    public async Task<CsatRecording> RecordAsync(
        string sessionId, int score, string? comment, string? messageId = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 5);
        if (comment?.Length > options.Value.MaxComment)
        {
            throw new ArgumentException($"A comment has at most {options.Value.MaxComment} characters (Csat:MaxComment).", nameof(comment));
        }

        var now = time.GetUtcNow();
        if (await GetOfferAsync(sessionId, cancellationToken).ConfigureAwait(false) is not { } offer)
        {
            return new CsatRecording(CsatOutcome.NotAsked);
        }

        if (now > offer.EndedAt + options.Value.ResponseWindow)
        {
            return new CsatRecording(CsatOutcome.Expired);
        }

        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var written = (int)await CsatScripts.Record.RunAsync(Db, [CsatKeys.Offer(sessionId), CsatKeys.Response(sessionId)],
            [score, text ?? "", now.ToUnixTimeMilliseconds(), messageId ?? "", (long)options.Value.KeepFor.TotalMilliseconds], cancellationToken).ConfigureAwait(false);
        switch (written)
        {
            case 0:
                return new CsatRecording(CsatOutcome.NotAsked);
            case 1:
                return new CsatRecording(CsatOutcome.AlreadyAnswered);
            case 2:
                return new CsatRecording(CsatOutcome.Repeated);
        }

        var response = new CsatResponse(sessionId, offer.Agent, offer.Channel, score, text, now);
        // Not cancelled with the caller: the answer is stored, its totals must follow.
        await CountAsync(response).ConfigureAwait(false);
        CsatLog.Recorded(logger, sessionId, score, offer.Channel, offer.Agent);
        // Neither throws nor fails the answer: each logs its own trouble.
        await insight.RecordCsatAsync(response.Agent, response.Channel, score, now, CancellationToken.None).ConfigureAwait(false);
        await shopEvents.PublishAsync(WebhookEventTypes.CsatSubmitted,
            new CsatSubmittedData(sessionId, response.Agent, response.Channel, score, text), onceFor: sessionId, CancellationToken.None).ConfigureAwait(false);
        return new CsatRecording(CsatOutcome.Recorded, response);
    }

    /// <summary>Every agent's answers on the UTC days <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public async Task<IReadOnlyList<CsatAgentResult>> TotalsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays);
        var hashes = await Task.WhenAll(days.Select(d => Db.HashGetAllAsync(CsatKeys.Day(d)))).WaitAsync(cancellationToken).ConfigureAwait(false);
        return CsatTotals.Sum(hashes.SelectMany(h => h).Select(e => (e.Name.ToString(), (long)e.Value)));
    }

    /// <summary>Answers recorded from <paramref name="from"/> until before <paramref name="until"/>, latest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<CsatResponse>> ListAsync(
        string? agent, DateTimeOffset from, DateTimeOffset until, int limit = MaxListed, CancellationToken cancellationToken = default)
    {
        var index = agent is null ? CsatKeys.Index : CsatKeys.AgentIndex(agent);
        var ids = await Db.SortedSetRangeByScoreAsync(index, from.ToUnixTimeMilliseconds(), until.ToUnixTimeMilliseconds(),
            Exclude.Stop, Order.Descending, 0, limit).WaitAsync(cancellationToken).ConfigureAwait(false);
        var found = await Task.WhenAll(ids.Select(id => ReadAsync(id.ToString()))).WaitAsync(cancellationToken).ConfigureAwait(false);
        return [.. found.OfType<CsatResponse>()];
    }

    /// <summary>
    /// Deletes answers recorded before <paramref name="cutoff"/>, their index entries and the day
    /// totals of days wholly before it; returns how many answers went. At most <paramref name="max"/>
    /// answers (the oldest) go in one call; -1 for all. Safe to run again.
    /// </summary>
    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, int max = -1, CancellationToken cancellationToken = default)
    {
        var until = cutoff.ToUnixTimeMilliseconds();
        var ids = await Db.SortedSetRangeByScoreWithScoresAsync(CsatKeys.Index, double.NegativeInfinity, until, Exclude.Stop, take: max)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        var days = new HashSet<DateOnly>();
        foreach (var entry in ids)
        {
            var id = entry.Element.ToString();
            if (await ReadAsync(id).WaitAsync(cancellationToken).ConfigureAwait(false) is { } response)
            {
                await Db.SortedSetRemoveAsync(CsatKeys.AgentIndex(response.Agent), id).WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            await Db.KeyDeleteAsync(CsatKeys.Response(id)).WaitAsync(cancellationToken).ConfigureAwait(false);
            await Db.SortedSetRemoveAsync(CsatKeys.Index, id).WaitAsync(cancellationToken).ConfigureAwait(false);
            days.Add(Day(DateTimeOffset.FromUnixTimeMilliseconds((long)entry.Score)));
        }

        foreach (var day in days.Where(d => d < Day(cutoff)))
        {
            await Db.KeyDeleteAsync(CsatKeys.Day(day)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        CsatLog.Purged(logger, ids.Length, cutoff);
        return ids.Length;
    }

    /// <summary>
    /// Erases the answers of these sessions: the answer, its index entries and its share of its day's
    /// totals; returns how many answers went. Safe to run again (an erased answer is not found twice).
    /// </summary>
    public async Task<int> EraseAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionIds);
        var erased = 0;
        foreach (var id in sessionIds)
        {
            if (await ReadAsync(id).WaitAsync(cancellationToken).ConfigureAwait(false) is not { } response)
            {
                continue;
            }

            // Each key is in a slot of its own: one command each, the answer's key last so a retry finds it again.
            var day = CsatKeys.Day(Day(response.At));
            foreach (var (field, by) in CsatTotals.Increments(response))
            {
                await Db.HashIncrementAsync(day, field, -by).WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            await Db.SortedSetRemoveAsync(CsatKeys.AgentIndex(response.Agent), id).WaitAsync(cancellationToken).ConfigureAwait(false);
            await Db.SortedSetRemoveAsync(CsatKeys.Index, id).WaitAsync(cancellationToken).ConfigureAwait(false);
            await Db.KeyDeleteAsync([CsatKeys.Response(id), CsatKeys.Offer(id)]).WaitAsync(cancellationToken).ConfigureAwait(false);
            erased++;
        }

        return erased;
    }

    /// <summary>The session's answer, or null.</summary>
    public async Task<CsatResponse?> ReadAsync(string sessionId)
    {
        var hash = SessionRecords.Hash(await Db.HashGetAllAsync(CsatKeys.Response(sessionId)).ConfigureAwait(false));
        return hash.TryGetValue("agent", out var agent) && int.TryParse(hash.GetValueOrDefault("score"), CultureInfo.InvariantCulture, out var score)
            && long.TryParse(hash.GetValueOrDefault("at"), CultureInfo.InvariantCulture, out var at)
            ? new CsatResponse(sessionId, agent, hash.GetValueOrDefault("channel") ?? "web", score,
                string.IsNullOrEmpty(hash.GetValueOrDefault("comment")) ? null : hash["comment"], DateTimeOffset.FromUnixTimeMilliseconds(at))
            : null;
    }

    internal static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private async Task CountAsync(CsatResponse response)
    {
        try
        {
            var day = CsatKeys.Day(Day(response.At));
            var transaction = Db.CreateTransaction();
            foreach (var (field, by) in CsatTotals.Increments(response))
            {
                _ = transaction.HashIncrementAsync(day, field, by);
            }

            _ = transaction.KeyExpireAsync(day, options.Value.KeepFor);
            await transaction.ExecuteAsync().ConfigureAwait(false);
            var at = response.At.ToUnixTimeMilliseconds();
            await Db.SortedSetAddAsync(CsatKeys.Index, response.SessionId, at).ConfigureAwait(false);
            await Db.SortedSetAddAsync(CsatKeys.AgentIndex(response.Agent), response.SessionId, at).ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            CsatLog.NotCounted(logger, e, response.SessionId);
        }
    }
}
