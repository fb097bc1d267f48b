using PinCovisor.Web.Redis;
using StackExchange.Redis;

namespace PinCovisor.Web.Hub;

/// <summary>
/// The hub's Redis keys. All of a session's share its hash tag, so one script can append an event,
/// bump the counter and keep the latest video state together.
/// </summary>
internal static class HubKeys
{
    /// <summary>The last sequence number handed out (string, INCR).</summary>
    public static RedisKey Counter(string sessionId) => CovisorKeys.SessionScoped(sessionId, "seq");

    /// <summary>The event log (sorted set: the event's JSON scored by its sequence number).</summary>
    public static RedisKey Events(string sessionId) => CovisorKeys.SessionScoped(sessionId, "events");

    /// <summary>The latest video event's JSON (string), for late joiners.</summary>
    public static RedisKey Video(string sessionId) => CovisorKeys.SessionScoped(sessionId, "video");

    /// <summary>
    /// Chat message ids of the events still in the log (sorted set: id scored by its event's sequence
    /// number), so a resend appends nothing; trimmed with the log. (It replaced the hash
    /// <c>message-ids</c>, which was never trimmed; a new name, so old data cannot meet the new type.)
    /// </summary>
    public static RedisKey MessageIds(string sessionId) => CovisorKeys.SessionScoped(sessionId, "message-seqs");

    /// <summary>The bytes the log holds: events, message ids and the latest video event (string, INCRBY).</summary>
    public static RedisKey Bytes(string sessionId) => CovisorKeys.SessionScoped(sessionId, "log-bytes");

    /// <summary>
    /// The hub connections open with one token, on any host (sorted set: connection id scored by the
    /// Unix ms its place lapses unless its host renews it).
    /// </summary>
    public static RedisKey Connections(string tokenId) => CovisorKeys.Global("hub-connections", tokenId);

    /// <summary>
    /// The pub/sub channel hosts use to tell each other to drop connections of a session:
    /// <c>pb:hub:control</c> on the wire, the connection adding the <c>pb:</c> to every channel.
    /// </summary>
    public static RedisChannel Control { get; } = RedisChannel.Literal("hub:control");
}
