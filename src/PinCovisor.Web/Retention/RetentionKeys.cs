using PinCovisor.Web.Redis;
using StackExchange.Redis;

namespace PinCovisor.Web.Retention;

/// <summary>
/// The keys of retention and erasure. Each is one global key in a slot of its own; the sweep and
/// erasure reach the data they point to one call's or one session's slot at a time.
/// </summary>
internal static class RetentionKeys
{
    /// <summary>
    /// Everything filed under one customer number (set of <c>call:CA…</c> and <c>session:s_…</c>),
    /// named by the number's keyed HMAC (<see cref="CustomerNumbers.Hash"/>), never the number.
    /// </summary>
    public static RedisKey Customer(string numberHash) => CovisorKeys.Global("customer", numberHash);

    /// <summary>The time index of one data class (sorted set: call SID or session id scored by its start, Unix ms).</summary>
    public static RedisKey Aged(string dataClass) => CovisorKeys.Global("retention", dataClass);

    /// <summary>The sweep's lease (string: the sweeping host's id, expiring with <see cref="RetentionOptions.SweepInterval"/>).</summary>
    public static RedisKey SweepLease { get; } = CovisorKeys.Global("retention", "lease");

    /// <summary>Index member for a call.</summary>
    public const string CallMember = "call:";

    /// <summary>Index member for a session.</summary>
    public const string SessionMember = "session:";
}
