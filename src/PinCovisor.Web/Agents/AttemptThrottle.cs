using StackExchange.Redis;

namespace PinCovisor.Web.Agents;

/// <summary>What one throttle allows: at most <paramref name="MaxFailures"/> failures per client and per subject within <paramref name="Window"/>.</summary>
internal sealed record ThrottlePolicy(string Name, int MaxFailures, TimeSpan Window);

/// <summary>
/// Failure counters in Redis, per client address and per subject (a username), so the limit holds
/// across hosts. Each attempt is counted as a failure before it is judged and forgiven when it
/// succeeds, so concurrent attempts cannot slip past the limit; once either counter is full, every
/// attempt is refused until it resets, right or wrong, which keeps the throttle from being an oracle.
/// </summary>
internal sealed class AttemptThrottle(IConnectionMultiplexer redis)
{
    // KEYS: client counter, subject counter (one hash tag). ARGV: max failures, window (ms).
    // Returns 0 after counting the attempt, or the ms until the fuller counter resets.
    private const string Begin = """
        local wait = 0
        for i = 1, 2 do
          if tonumber(redis.call('GET', KEYS[i]) or '0') >= tonumber(ARGV[1]) then
            local ttl = redis.call('PTTL', KEYS[i])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[i], ARGV[2])
              ttl = tonumber(ARGV[2])
            end
            if ttl > wait then
              wait = ttl
            end
          end
        end
        if wait > 0 then
          return wait
        end
        for i = 1, 2 do
          if redis.call('INCR', KEYS[i]) == 1 then
            redis.call('PEXPIRE', KEYS[i], ARGV[2])
          end
        end
        return 0
        """;

    // KEYS: as above. Takes back the failure counted in advance.
    private const string Forgive = """
        for i = 1, 2 do
          if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then
            redis.call('DECR', KEYS[i])
          end
        end
        return 1
        """;

    /// <summary>Counts an attempt; null when it may go ahead, else how long the client must wait.</summary>
    public async Task<TimeSpan?> BeginAsync(ThrottlePolicy policy, string client, string subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var wait = (long)await redis.GetDatabase()
            .ScriptEvaluateAsync(Begin, Keys(policy, client, subject), [policy.MaxFailures, (long)policy.Window.TotalMilliseconds])
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return wait > 0 ? TimeSpan.FromMilliseconds(wait) : null;
    }

    /// <summary>The attempt succeeded: it no longer counts as a failure.</summary>
    public Task SucceededAsync(ThrottlePolicy policy, string client, string subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return redis.GetDatabase().ScriptEvaluateAsync(Forgive, Keys(policy, client, subject)).WaitAsync(cancellationToken);
    }

    /// <summary>Whole seconds for <c>Retry-After</c>, rounded up so a client that waits that long gets in.</summary>
    public static long RetryAfterSeconds(TimeSpan wait) => (long)Math.Ceiling(wait.TotalSeconds);

    private static RedisKey[] Keys(ThrottlePolicy policy, string client, string subject) =>
        [AgentKeys.Throttle(policy.Name, "client", client), AgentKeys.Throttle(policy.Name, "subject", subject)];
}
