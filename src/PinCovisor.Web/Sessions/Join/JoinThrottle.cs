using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PinCovisor.Web.Sessions;

/// <summary>Where a client stands before it may try a PIN or device code.</summary>
/// <param name="RetryAfter">Null while the client may try; else how long until its window frees.</param>
/// <param name="GlobalBudgetSpent">Whether all clients together have used up the global failure budget.</param>
internal sealed record ThrottleState(TimeSpan? RetryAfter, bool GlobalBudgetSpent);

/// <summary>
/// Counts failed joins in Redis, so the limits hold however many hosts serve: per client bucket in
/// a window that starts at its first failure, and for everyone together in epoch-aligned windows.
/// Each step is one script over both counters (INCR and PEXPIRE together, never read-then-write).
/// </summary>
internal sealed class JoinThrottle(IConnectionMultiplexer redis, IOptions<JoinOptions> options, TimeProvider time)
{
    private const string Read = """
        local client = tonumber(redis.call('GET', KEYS[1]) or '0')
        local ttl = redis.call('PTTL', KEYS[1])
        local global = tonumber(redis.call('GET', KEYS[2]) or '0')
        return {client, ttl, global}
        """;

    // A counter found without expiry (a crash between INCR and PEXPIRE cannot happen inside a
    // script, but an operator's manual SET could) gets one, so no client is locked out for good.
    private const string Count = """
        local client = redis.call('INCR', KEYS[1])
        if client == 1 or redis.call('PTTL', KEYS[1]) < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        local global = redis.call('INCR', KEYS[2])
        if global == 1 or redis.call('PTTL', KEYS[2]) < 0 then
          redis.call('PEXPIRE', KEYS[2], ARGV[2])
        end
        return client
        """;

    private JoinOptions Options => options.Value;

    public async Task<ThrottleState> CheckAsync(string bucket, CancellationToken cancellationToken = default)
    {
        var (clientKey, globalKey, _) = Keys(bucket);
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Read, [clientKey, globalKey])
            .WaitAsync(cancellationToken).ConfigureAwait(false))!;
        var (failures, ttlMs, global) = ((long)result[0], (long)result[1], (long)result[2]);
        TimeSpan? retryAfter = failures >= Options.MaxFailuresPerClient
            ? TimeSpan.FromMilliseconds(ttlMs > 0 ? ttlMs : Options.FailureWindow.TotalMilliseconds)
            : null;
        return new ThrottleState(retryAfter, global >= Options.GlobalFailureBudget);
    }

    /// <summary>Counts one failure against the client and the global budget.</summary>
    public async Task FailAsync(string bucket, CancellationToken cancellationToken = default)
    {
        var (clientKey, globalKey, globalRemaining) = Keys(bucket);
        await redis.GetDatabase().ScriptEvaluateAsync(Count, [clientKey, globalKey],
            [(long)Options.FailureWindow.TotalMilliseconds, (long)globalRemaining.TotalMilliseconds])
            .WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private (RedisKey Client, RedisKey Global, TimeSpan GlobalRemaining) Keys(string bucket)
    {
        var windowMs = (long)Options.GlobalWindow.TotalMilliseconds;
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = nowMs / windowMs;
        return (SessionKeys.ClientFailures(bucket), SessionKeys.GlobalFailures(window),
            TimeSpan.FromMilliseconds((window + 1) * windowMs - nowMs));
    }
}
