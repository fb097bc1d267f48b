using System.Globalization;
using PinCovisor.Web.Redis;
using StackExchange.Redis;

namespace PinCovisor.Web.Csat;

/// <summary>
/// The Redis keys of the survey. What belongs to one session (the question asked, the answer) lives
/// in its slot; totals and indexes are global keys, each written alone (no script spans two slots).
/// </summary>
internal static class CsatKeys
{
    /// <summary>The question asked at close (hash: agent, channel, ended in Unix ms); lives for <c>Csat:ResponseWindow</c>.</summary>
    public static RedisKey Offer(string sessionId) => CovisorKeys.SessionScoped(sessionId, "csat:offer");

    /// <summary>The session's one answer (hash: agent, channel, score, comment, at in Unix ms, messageId); lives for <c>Csat:KeepFor</c>.</summary>
    public static RedisKey Response(string sessionId) => CovisorKeys.SessionScoped(sessionId, "csat:response");

    /// <summary>All answers by time (sorted set of session ids scored by the answer's Unix ms).</summary>
    public static RedisKey Index => CovisorKeys.Global("csat", "responses");

    /// <summary>One agent's answers by time (sorted set of session ids scored by Unix ms).</summary>
    public static RedisKey AgentIndex(string agent) => CovisorKeys.Global("csat-agent", agent);

    /// <summary>One UTC day's totals of every agent (hash: <c>metric|agent</c> → count; see <see cref="CsatTotals"/>).</summary>
    public static RedisKey Day(DateOnly day) => CovisorKeys.Global("csat-day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>The closed conversation of an address that waits for an answer (string: session id), by the address's SHA-256.</summary>
    public static RedisKey Pending(string addressHash) => CovisorKeys.Global("csat-pending", addressHash);
}
