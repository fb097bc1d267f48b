using System.Globalization;
using Microsoft.Extensions.Options;
using PinCovisor.Web.Throttling;
using StackExchange.Redis;

namespace PinCovisor.Web.Visitors;

/// <summary>Visitors, their live index and pending invitations, in Redis.</summary>
internal sealed class RedisVisitorStore(
    IConnectionMultiplexer redis, AttemptThrottle throttle, TimeProvider time, IOptions<VisitorsOptions> options)
{
    private static readonly TimeSpan ThrottleWindow = TimeSpan.FromMinutes(1);

    private IDatabase Db => redis.GetDatabase();

    private VisitorsOptions Options => options.Value;

    /// <summary>Mints a visitor and records their first page view, unless this client started too many this minute.</summary>
    public async Task<PageViewOutcome> CreateAsync(
        string clientBucket, string url, string title, string? device, CancellationToken cancellationToken = default)
    {
        ThrottleCounter[] counter = [new(VisitorKeys.NewFrom(clientBucket), Options.MaxNewVisitorsPerMinute, ThrottleWindow)];
        if ((await throttle.BeginAsync(counter, cancellationToken).ConfigureAwait(false)).RetryAfter is { } wait)
        {
            return new PageViewOutcome.TooManyViews(wait, ByClient: true);
        }

        var (id, key) = (VisitorIds.NewId(), VisitorIds.NewKey());
        var now = Ms(time.GetUtcNow());
        var transaction = Db.CreateTransaction();
        _ = transaction.HashSetAsync(VisitorKeys.Visitor(id),
        [
            new("key", VisitorIds.Hash(key)), new("url", url), new("title", title), new("device", device ?? string.Empty),
            new("first", now), new("last", now), new("views", 1), new("rw", now), new("rc", 1),
        ]);
        _ = transaction.KeyExpireAsync(VisitorKeys.Visitor(id), Options.Lifetime);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await MarkLiveAsync(id, now, cancellationToken).ConfigureAwait(false);
        return new PageViewOutcome.Recorded(id, key);
    }

    /// <summary>
    /// Records a page view of a known visitor; unknown when the id or key is wrong. The attempt is
    /// counted against the client before the key is looked at and kept when the key is wrong, so
    /// guessing keys is throttled per client like guessing PINs; a right key gives it back.
    /// </summary>
    public async Task<PageViewOutcome> RecordAsync(
        string clientBucket, string visitorId, string visitorKey, string url, string title, string? device, bool inSession,
        bool heartbeat, CancellationToken cancellationToken = default)
    {
        ThrottleCounter[] tries = [new(VisitorKeys.TriesFrom(clientBucket), Options.MaxUnknownVisitorsPerMinute, ThrottleWindow)];
        if ((await throttle.BeginAsync(tries, cancellationToken).ConfigureAwait(false)).RetryAfter is { } wait)
        {
            return new PageViewOutcome.TooManyViews(wait, ByClient: true);
        }

        var now = Ms(time.GetUtcNow());
        var result = (RedisResult[])(await VisitorScripts.PageView.RunAsync(Db, [VisitorKeys.Visitor(visitorId)],
        [
            VisitorIds.Hash(visitorKey), now, (long)ThrottleWindow.TotalMilliseconds, Options.MaxPageViewsPerMinute,
            url, title, device ?? string.Empty, (long)Options.Lifetime.TotalMilliseconds, inSession ? "1" : "0",
            heartbeat ? "1" : "0",
        ], cancellationToken).ConfigureAwait(false))!;
        if ((int)result[0] == 0)
        {
            return new PageViewOutcome.Unknown();
        }

        await throttle.SucceededAsync(tries, cancellationToken).ConfigureAwait(false);
        if ((int)result[0] == 2)
        {
            return new PageViewOutcome.TooManyViews(TimeSpan.FromMilliseconds((long)result[1]), ByClient: false);
        }

        await MarkLiveAsync(visitorId, now, cancellationToken).ConfigureAwait(false);
        return new PageViewOutcome.Recorded(visitorId, null);
    }

    /// <summary>Whether the visitor's record still exists (seen within <see cref="VisitorsOptions.Lifetime"/>).</summary>
    public Task<bool> ExistsAsync(string visitorId, CancellationToken cancellationToken = default) =>
        Db.KeyExistsAsync(VisitorKeys.Visitor(visitorId)).WaitAsync(cancellationToken);

    /// <summary>Whether the visitor's widget said, on its last page view, that it is in a session.</summary>
    public async Task<bool> IsInSessionAsync(string visitorId, CancellationToken cancellationToken = default) =>
        (string?)await Db.HashGetAsync(VisitorKeys.Visitor(visitorId), "ins").WaitAsync(cancellationToken).ConfigureAwait(false) == "1";

    /// <summary>Whether an invitation is waiting for the visitor.</summary>
    public Task<bool> HasInvitationAsync(string visitorId, CancellationToken cancellationToken = default) =>
        Db.KeyExistsAsync(VisitorKeys.Invitation(visitorId)).WaitAsync(cancellationToken);

    /// <summary>Stores an invitation into a session unless one is already waiting; false when one was.</summary>
    public Task<bool> TryInviteAsync(string visitorId, string sessionId, CancellationToken cancellationToken = default) =>
        Db.StringSetAsync(VisitorKeys.Invitation(visitorId), sessionId, Options.InvitationLifetime, When.NotExists).WaitAsync(cancellationToken);

    /// <summary>Takes the waiting invitation's session id, if any: it is removed in the same step (GETDEL), so it is taken once.</summary>
    public async Task<string?> TakeInvitationAsync(string visitorId, CancellationToken cancellationToken = default) =>
        (string?)await Db.StringGetDeleteAsync(VisitorKeys.Invitation(visitorId)).WaitAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Visitors seen within the live window, most recent first; older index entries are pruned.</summary>
    public async Task<IReadOnlyList<VisitorView>> ListLiveAsync(CancellationToken cancellationToken = default)
    {
        var since = Ms(time.GetUtcNow() - Options.LiveWindow);
        await Db.SortedSetRemoveRangeByScoreAsync(VisitorKeys.Live, double.NegativeInfinity, since, Exclude.Stop)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        var ids = await Db.SortedSetRangeByScoreAsync(VisitorKeys.Live, since, double.PositiveInfinity, Exclude.None, Order.Descending,
            0, Options.MaxListed).WaitAsync(cancellationToken).ConfigureAwait(false);

        var batch = Db.CreateBatch();
        var reads = ids.Select(id => (Id: (string)id!, Fields: batch.HashGetAllAsync(VisitorKeys.Visitor((string)id!)),
            Invited: batch.KeyExistsAsync(VisitorKeys.Invitation((string)id!)))).ToList();
        batch.Execute();
        var visitors = new List<VisitorView>(reads.Count);
        foreach (var read in reads)
        {
            var fields = (await read.Fields.WaitAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(e => (string)e.Name!, e => e.Value);
            if (fields.Count == 0 || Ms(fields, "last") < since)
            {
                continue; // Expired (or reported under a clock that has since moved): no longer live.
            }

            visitors.Add(new VisitorView(read.Id, (string?)fields.GetValueOrDefault("url") ?? "", (string?)fields.GetValueOrDefault("title") ?? "",
                string.IsNullOrEmpty(fields.GetValueOrDefault("device")) ? null : (string?)fields["device"],
                DateTimeOffset.FromUnixTimeMilliseconds(Ms(fields, "first")), DateTimeOffset.FromUnixTimeMilliseconds(Ms(fields, "last")),
                Ms(fields, "views"), await read.Invited.WaitAsync(cancellationToken).ConfigureAwait(false),
                (string?)fields.GetValueOrDefault("ins") == "1"));
        }

        return visitors;
    }

    private Task<RedisResult> MarkLiveAsync(string visitorId, long now, CancellationToken cancellationToken) =>
        VisitorScripts.MarkLive.RunAsync(Db, [VisitorKeys.Live],
            [visitorId, now, (long)Options.LiveWindow.TotalMilliseconds, Options.MaxListed], cancellationToken);

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static long Ms(Dictionary<string, RedisValue> fields, string name) =>
        long.TryParse((string?)fields.GetValueOrDefault(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
