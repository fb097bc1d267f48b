using Microsoft.Extensions.Options;
using PhoneBridge.Redis;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;
using StackExchange.Redis;

namespace PinCovisor.Web.Insight;

/// <summary>
/// Counts what the insight page shows, one call at each point of the product. Each step counts
/// once per call or session (a marker set with HSETNX decides which write counts). Recording never
/// fails the product path: a Redis error or a slow answer is logged (event 3200) and the count is lost.
/// </summary>
internal sealed class InsightCounters(
    IConnectionMultiplexer redis, RedisSessionStore sessions, IOptions<InsightOptions> options, TimeProvider time, ILogger<InsightCounters> logger)
{
    // The product path waits at most this long for a count.
    private static readonly TimeSpan RecordTimeout = TimeSpan.FromSeconds(1);
    private static readonly EmbeddedScript ObserveChat = EmbeddedScript.Load(typeof(InsightCounters), "observe_chat");

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// Records one CSAT answer (1–5) for <paramref name="agent"/> (null: nobody was in charge) on
    /// <paramref name="channel"/> (one of <see cref="InsightChannels"/>), on the UTC day of <paramref name="at"/>.
    /// Every call counts: the caller makes sure a session's answer is recorded once.
    /// </summary>
    public Task RecordCsatAsync(string? agent, string channel, int score, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 5);
        if (!InsightChannels.IsKnown(channel))
        {
            throw new ArgumentException($"The channel is one of {string.Join(", ", InsightChannels.All)}.", nameof(channel));
        }

        return SafelyAsync("csat", () => IncrementAsync(at, [InsightKeys.AgentCsat(channel, AgentOf(agent), score)]), cancellationToken);
    }

    /// <summary>The IVR gave a call its PIN; counted once per call, and the time is kept for time-to-join.</summary>
    internal Task PinIssuedAsync(string callSid, CancellationToken cancellationToken = default) =>
        SafelyAsync(InsightSteps.PinsIssued, async () =>
        {
            var now = time.GetUtcNow();
            if (await MarkAsync(InsightKeys.Call(callSid), "issued", now.ToUnixTimeMilliseconds()).ConfigureAwait(false))
            {
                await IncrementAsync(now, [InsightKeys.Step(InsightChannels.Voice, InsightSteps.PinsIssued)]).ConfigureAwait(false);
            }
        }, cancellationToken);

    /// <summary>A caller's PIN was typed and redeemed; counted once per call.</summary>
    internal Task PinTypedAsync(string callSid, CancellationToken cancellationToken = default) =>
        SafelyAsync(InsightSteps.PinTyped, async () =>
        {
            if (await MarkAsync(InsightKeys.Call(callSid), "typed", 1).ConfigureAwait(false))
            {
                await IncrementAsync(time.GetUtcNow(), [InsightKeys.Step(InsightChannels.Voice, InsightSteps.PinTyped)]).ConfigureAwait(false);
            }
        }, cancellationToken);

    /// <summary>The page where callers type their PIN was served; every load counts (no session exists yet).</summary>
    internal Task PageOpenedAsync(CancellationToken cancellationToken = default) =>
        SafelyAsync(InsightSteps.PageOpened,
            () => IncrementAsync(time.GetUtcNow(), [InsightKeys.Step(InsightChannels.Voice, InsightSteps.PageOpened)]), cancellationToken);

    /// <summary>Follows a session's new event: a device admitted, a chat line from the customer or an agent.</summary>
    internal Task ObserveAsync(CovisorEvent appended, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appended);
        return appended.Kind switch
        {
            EventKinds.ParticipantJoined when appended.DataAs<ParticipantJoined>().Admission == "admitted" =>
                SafelyAsync(InsightSteps.Admitted, () => AdmittedAsync(appended), cancellationToken),
            EventKinds.Admission when appended.DataAs<AdmissionChanged>().Admission == "admitted" =>
                SafelyAsync(InsightSteps.Admitted, () => AdmittedAsync(appended), cancellationToken),
            EventKinds.ChatMessage when appended.Author.Role is "customer" or "agent" =>
                SafelyAsync(InsightSteps.FirstMessage, () => ChatAsync(appended), cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    private async Task AdmittedAsync(CovisorEvent admitted)
    {
        var marker = InsightKeys.Session(admitted.SessionId);
        if (!await MarkAsync(marker, "admitted", admitted.At.ToUnixTimeMilliseconds()).ConfigureAwait(false)
            || await sessions.GetAsync(admitted.SessionId).ConfigureAwait(false) is not { } session)
        {
            return;
        }

        var channel = InsightChannels.Of(session.Origin);
        List<string> fields = [InsightKeys.Step(channel, InsightSteps.Admitted)];
        if (session.CallSid is { } callSid)
        {
            fields.Add(InsightKeys.Step(channel, InsightSteps.VisualCalls));
            var issued = await Db.HashGetAsync(InsightKeys.Call(callSid), "issued").ConfigureAwait(false);
            if (issued.TryParse(out long issuedAt))
            {
                var waited = admitted.At - DateTimeOffset.FromUnixTimeMilliseconds(issuedAt);
                fields.Add(InsightKeys.Bucket(channel, InsightSteps.TimeToJoin, InsightBuckets.TimeToJoin.IndexOf(waited)));
            }
        }

        await IncrementAsync(admitted.At, fields).ConfigureAwait(false);
    }

    private async Task ChatAsync(CovisorEvent line)
    {
        var customer = line.Author.Role == "customer";
        var agent = customer ? "" : AgentOf(line.Author.Id);
        var marks = (RedisResult[])(await ObserveChat.RunAsync(Db, [InsightKeys.Session(line.SessionId)],
            [customer ? "customer" : "agent", line.At.ToUnixTimeMilliseconds(), agent, (long)InsightKeys.MarkerLifetime.TotalMilliseconds])
            .ConfigureAwait(false))!;
        var first = (long)marks[0] == 1;
        var firstAgent = (long)marks[1] == 1;
        long askedAt = 0;
        var answered = (long)marks[3] == 1 && long.TryParse((string?)marks[2], out askedAt);

        // Most lines are the first of nothing: one round trip, and the session is read only when one counts.
        if (!(first || firstAgent || answered)
            || await sessions.GetAsync(line.SessionId).ConfigureAwait(false) is not { } session)
        {
            return;
        }

        var channel = InsightChannels.Of(session.Origin);
        List<string> fields = [];
        if (first)
        {
            fields.Add(InsightKeys.Step(channel, InsightSteps.FirstMessage));
        }

        if (firstAgent)
        {
            fields.Add(InsightKeys.AgentSessions(channel, agent));
        }

        if (answered)
        {
            // The first answer after the customer's first line, once per session.
            var waited = line.At - DateTimeOffset.FromUnixTimeMilliseconds(askedAt);
            fields.Add(InsightKeys.Bucket(channel, InsightSteps.FirstResponse, InsightBuckets.FirstResponse.IndexOf(waited)));
        }

        await IncrementAsync(line.At, fields).ConfigureAwait(false);
    }

    private static string AgentOf(string? username) => username is { } u && Agents.AgentNames.IsValidUsername(u) ? u : InsightSteps.NoAgent;

    /// <summary>Sets the marker's field unless it is set; true when this write set it.</summary>
    private async Task<bool> MarkAsync(RedisKey marker, string field, RedisValue value)
    {
        var db = Db;
        var set = db.HashSetAsync(marker, field, value, When.NotExists);
        var expire = db.KeyExpireAsync(marker, InsightKeys.MarkerLifetime);
        await Task.WhenAll(set, expire).ConfigureAwait(false);
        return await set.ConfigureAwait(false);
    }

    /// <summary>Adds 1 to each field of the day's hash and keeps the hash for <see cref="InsightOptions.KeepDays"/> after the day.</summary>
    private async Task IncrementAsync(DateTimeOffset at, IReadOnlyList<string> fields)
    {
        var day = InsightKeys.DayOf(at);
        var key = InsightKeys.Day(day);
        // A time to live from the host's clock, not an instant: Redis's own clock plays no part.
        var expiresAt = new DateTimeOffset(day.AddDays(1 + options.Value.KeepDays).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var keepFor = expiresAt - time.GetUtcNow();
        if (keepFor <= TimeSpan.Zero)
        {
            return;
        }

        var batch = Db.CreateBatch();
        var writes = fields.Select(f => (Task)batch.HashIncrementAsync(key, f)).Append(batch.KeyExpireAsync(key, keepFor)).ToList();
        batch.Execute();
        await Task.WhenAll(writes).ConfigureAwait(false);
    }

    private async Task SafelyAsync(string step, Func<Task> record, CancellationToken cancellationToken)
    {
        try
        {
            await record().WaitAsync(RecordTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or OperationCanceledException)
        {
            InsightLog.NotRecorded(logger, step, e.GetType().Name);
        }
    }
}
