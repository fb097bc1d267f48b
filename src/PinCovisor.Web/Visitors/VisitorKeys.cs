using PinCovisor.Web.Redis;
using StackExchange.Redis;

namespace PinCovisor.Web.Visitors;

/// <summary>
/// Redis keys of visitor monitoring. Every script touches one key, so none of them depends on two
/// keys sharing a Cluster slot; the live index is only a hint that listing checks against the hashes.
/// </summary>
internal static class VisitorKeys
{
    /// <summary>One visitor (hash: key hash, url, title, device, first/last seen, views, throttle window).</summary>
    public static RedisKey Visitor(string visitorId) => CovisorKeys.Global("visitor", visitorId);

    /// <summary>A pending invitation (string "session\ntoken\nagent", expiring with the invitation).</summary>
    public static RedisKey Invitation(string visitorId) => CovisorKeys.Global("visitor-invitation", visitorId);

    /// <summary>New visitors started from one client address in the current minute (counter).</summary>
    public static RedisKey NewFrom(string clientBucket) => CovisorKeys.Global("visitor-new", clientBucket);

    /// <summary>Sorted set of visitor ids scored by last page view (Unix ms).</summary>
    public static RedisKey Live { get; } = CovisorKeys.Global("visitors", "live");
}
