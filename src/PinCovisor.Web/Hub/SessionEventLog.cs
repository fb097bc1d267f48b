using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PinCovisor.Web.Hub;

/// <summary>A page of a session's log.</summary>
/// <param name="Events">Oldest first.</param>
/// <param name="LatestSeq">The newest sequence number when the page was read (0 for an empty log).</param>
internal sealed record LogPage(IReadOnlyList<CovisorEvent> Events, long LatestSeq);

/// <summary>
/// Each session's events in Redis, numbered 1, 2, 3… by one script per append (no Streams: the
/// embedded Garnet lacks them). The log lives <see cref="CovisorHubOptions.HistoryLifetime"/> after
/// its last event and keeps at most <see cref="CovisorHubOptions.MaxHistoryEvents"/> events and
/// <see cref="CovisorHubOptions.MaxHistoryBytes"/> bytes.
/// </summary>
internal sealed class SessionEventLog(IConnectionMultiplexer redis, IOptions<CovisorHubOptions> options) : IDisposable
{
    // How long this host remembers the highest number it gave a session's event: long enough to
    // outlast a Redis outage and restart, short enough that idle sessions cost nothing.
    private static readonly TimeSpan HandedOutMemory = TimeSpan.FromHours(1);

    // One box per session, raised in place: an append neither locks nor replaces a cache entry.
    private readonly MemoryCache _handedOut = new(new MemoryCacheOptions());

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// Appends <paramref name="draft"/> (its <see cref="CovisorEvent.Seq"/> ignored) and returns it
    /// numbered. With a <paramref name="messageId"/> seen before, nothing is appended and the earlier
    /// number comes back with <c>Appended</c> false.
    /// </summary>
    public async Task<(CovisorEvent Event, bool Appended)> AppendAsync(
        CovisorEvent draft, string? messageId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var json = JsonSerializer.Serialize(draft with { Seq = 0 }, CovisorEvent.JsonOptions);
        var id = draft.SessionId;
        var settings = options.Value;
        var highest = _handedOut.GetOrCreate(id, entry =>
        {
            entry.SlidingExpiration = HandedOutMemory;
            return new StrongBox<long>();
        })!;
        var floor = Volatile.Read(ref highest.Value);
        var result = (RedisResult[])(await EventLogScripts.Append.RunAsync(
            Db,
            [HubKeys.Counter(id), HubKeys.Events(id), HubKeys.Video(id), HubKeys.MessageIds(id), HubKeys.Bytes(id)],
            [
                json,
                (long)settings.HistoryLifetime.TotalMilliseconds,
                settings.MaxHistoryEvents,
                draft.Kind == EventKinds.Video ? "1" : "0",
                messageId ?? "",
                floor,
                settings.MaxHistoryBytes,
            ], cancellationToken).ConfigureAwait(false))!;
        var seq = (long)result[0];
        Raise(highest, seq);
        return (draft with { Seq = seq }, (long)result[1] == 1);
    }

    // Concurrent appends may finish out of order; the highest number wins.
    private static void Raise(StrongBox<long> highest, long seq)
    {
        for (var seen = Volatile.Read(ref highest.Value); seq > seen; seen = Volatile.Read(ref highest.Value))
        {
            if (Interlocked.CompareExchange(ref highest.Value, seq, seen) == seen)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Up to <paramref name="limit"/> events with a sequence number above <paramref name="afterSeq"/>,
    /// stopping before the one that would take the page past <paramref name="maxBytes"/> of JSON
    /// (the first is always returned).
    /// </summary>
    public async Task<LogPage> ReadAsync(
        string sessionId, long afterSeq, int limit, int maxBytes = int.MaxValue, CancellationToken cancellationToken = default)
    {
        var result = (RedisResult[])(await EventLogScripts.Read.RunAsync(
            Db,
            [HubKeys.Counter(sessionId), HubKeys.Events(sessionId)],
            [Math.Max(0, afterSeq), Math.Max(1, limit), maxBytes], cancellationToken).ConfigureAwait(false))!;
        var events = ((RedisResult[])result[1]!).Select(e => Parse((string)e!)).ToList();
        return new LogPage(events, (long)result[0]);
    }

    /// <summary>The latest <see cref="EventKinds.Video"/> event, or null when no video was played.</summary>
    public async Task<CovisorEvent?> LatestVideoAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var json = await Db.StringGetAsync(HubKeys.Video(sessionId)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return json.IsNullOrEmpty ? null : Parse(json.ToString());
    }

    private static CovisorEvent Parse(string json) =>
        JsonSerializer.Deserialize<CovisorEvent>(json, CovisorEvent.JsonOptions)
        ?? throw new JsonException("An event log entry is empty.");

    public void Dispose() => _handedOut.Dispose();
}
