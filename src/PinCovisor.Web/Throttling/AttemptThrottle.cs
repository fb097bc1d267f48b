using PhoneBridge.Redis;
using StackExchange.Redis;

namespace PinCovisor.Web.Throttling;

/// <summary>What a throttle decided about one attempt.</summary>
/// <param name="RetryAfter">Null when the attempt may go ahead (and is now counted); else how long until the fullest refusing counter resets.</param>
/// <param name="OverLimit">Whether a <see cref="OverLimit.Flag"/> counter passed its limit with this attempt.</param>
internal sealed record ThrottleVerdict(TimeSpan? RetryAfter, bool OverLimit)
{
    public bool Refused => RetryAfter is not null;
}

/// <summary>
/// Attempt counters in Redis, so a limit holds whichever host a request reaches. An attempt is
/// counted as a failure <em>before</em> the secret is judged, in the same script that decides
/// whether it is over the limit, so any number of concurrent attempts is held to the limit: of 200
/// parallel guesses against a limit of 10, exactly 10 are judged. A success takes its count back
/// (<see cref="SucceededAsync"/>); a failure releases nothing. A refused attempt is not counted and
/// does not move any window: the client waits for the window it already opened.
/// </summary>
internal sealed class AttemptThrottle(IConnectionMultiplexer redis)
{
    // KEYS: the counters (one hash tag). ARGV: per counter, limit, window (ms), 'r' (refuses) or 'f' (flags).
    // Returns {ms to wait, 0} when a refusing counter is full (nothing counted),
    // else {0, 1 if a flagging counter passed its limit with this attempt, else 0}.
    // A counter without expiry (an operator's manual SET, or a script cut short) gets one, so nobody
    // is locked out for good.
    private static readonly EmbeddedScript Begin = EmbeddedScript.Load(typeof(AttemptThrottle), "begin");

    // KEYS and ARGV as above. Takes back the count of a successful attempt; returns 1 if a flagging
    // counter is still at its limit without it (other attempts filled it meanwhile), else 0.
    private static readonly EmbeddedScript Forgive = EmbeddedScript.Load(typeof(AttemptThrottle), "forgive");

    // The embedded Garnet now and then fails one of these scripts with "Unexpected Lua error" when a
    // counter expires while the script runs (seen about once in 3,000 runs with millisecond windows,
    // never on Redis). Nothing an attempt did is lost by running it again: at worst a failed run had
    // counted it already and the retry counts it twice, which errs on the side of the limit.
    private const int Runs = 3;

    /// <summary>Counts an attempt unless a refusing counter is full; says whether it may go ahead.</summary>
    public async Task<ThrottleVerdict> BeginAsync(IReadOnlyList<ThrottleCounter> counters, CancellationToken cancellationToken = default)
    {
        var result = (RedisResult[])(await EvaluateAsync(Begin, counters, cancellationToken).ConfigureAwait(false))!;
        var wait = (long)result[0];
        return new ThrottleVerdict(wait > 0 ? TimeSpan.FromMilliseconds(wait) : null, (long)result[1] == 1);
    }

    /// <summary>The attempt succeeded: it no longer counts. True when a flagging counter is at its limit all the same.</summary>
    public async Task<bool> SucceededAsync(IReadOnlyList<ThrottleCounter> counters, CancellationToken cancellationToken = default) =>
        (long)await EvaluateAsync(Forgive, counters, cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Whole seconds for <c>Retry-After</c>, rounded up so a client that waits that long gets in.</summary>
    public static long RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));

    private async Task<RedisResult> EvaluateAsync(EmbeddedScript script, IReadOnlyList<ThrottleCounter> counters, CancellationToken cancellationToken)
    {
        var (keys, args) = Arguments(counters);
        for (var run = 1; ; run++)
        {
            try
            {
                return await script.RunAsync(redis.GetDatabase(), keys, args, cancellationToken).ConfigureAwait(false);
            }
            catch (RedisServerException e) when (run < Runs && e.Message.Contains("Unexpected Lua error", StringComparison.Ordinal))
            {
            }
        }
    }

    private static (RedisKey[] Keys, RedisValue[] Args) Arguments(IReadOnlyList<ThrottleCounter> counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var keys = new RedisKey[counters.Count];
        var args = new RedisValue[counters.Count * 3];
        for (var i = 0; i < counters.Count; i++)
        {
            var counter = counters[i];
            keys[i] = counter.Key;
            args[i * 3] = counter.Limit;
            args[(i * 3) + 1] = Math.Max(1, (long)Math.Ceiling(counter.Window.TotalMilliseconds));
            args[(i * 3) + 2] = counter.OverLimit == OverLimit.Refuse ? "r" : "f";
        }

        return (keys, args);
    }
}
