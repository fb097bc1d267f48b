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

    /// <summary>
    /// A pending invitation (string: the session id only, expiring with the invitation). Named anew
    /// when it stopped holding a token, so no old value is ever read as a session id.
    /// </summary>
    public static RedisKey Invitation(string visitorId) => CovisorKeys.Global("visitor-invite", visitorId);

    /// <summary>New visitors started from one client address in the current minute (counter).</summary>
    public static RedisKey NewFrom(string clientBucket) => CovisorKeys.Global("visitor-new", clientBucket);

    /// <summary>Page views of a named visitor from one client address being judged or refused in the current minute (counter).</summary>
    public static RedisKey TriesFrom(string clientBucket) => CovisorKeys.Global("visitor-tries", clientBucket);

    /// <summary>Sorted set of visitor ids scored by last page view (Unix ms), expiring with the live window.</summary>
    public static RedisKey Live { get; } = CovisorKeys.Global("visitors", "live");
}
