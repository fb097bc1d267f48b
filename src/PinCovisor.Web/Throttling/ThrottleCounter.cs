using StackExchange.Redis;

namespace PinCovisor.Web.Throttling;

/// <summary>What a counter does once it has passed its limit.</summary>
internal enum OverLimit
{
    /// <summary>Further attempts are refused (429) until its window ends; they are not counted.</summary>
    Refuse,

    /// <summary>Attempts still go ahead, flagged: the caller makes them harder (waiting room, slow-down).</summary>
    Flag,
}

/// <summary>
/// One counter of a throttle: attempts counted under <paramref name="Key"/> for <paramref name="Window"/>
/// from the first one. Every counter of one check must share a hash tag (one Cluster slot).
/// </summary>
/// <param name="Key">The counter's key.</param>
/// <param name="Limit">Attempts allowed in the window.</param>
/// <param name="Window">How long the count lives after the attempt that started it.</param>
/// <param name="OverLimit">Refuse or flag once past the limit.</param>
internal sealed record ThrottleCounter(RedisKey Key, int Limit, TimeSpan Window, OverLimit OverLimit = OverLimit.Refuse);
