using PinCovisor.Web.Redis;
using StackExchange.Redis;

namespace PinCovisor.Web.Media;

/// <summary>
/// Media keys live under the session's hash tag, so the quota and the image are written by one
/// script in one Cluster slot.
/// </summary>
internal static class MediaKeys
{
    /// <summary>One image (hash: data, type, width, height, by, bytes, exp).</summary>
    public static RedisKey Image(string sessionId, string mediaId) => CovisorKeys.SessionScoped(sessionId, "media:" + mediaId);

    /// <summary>The session's upload counters (hash: count, bytes).</summary>
    public static RedisKey Quota(string sessionId) => CovisorKeys.SessionScoped(sessionId, "media-quota");

    /// <summary>The ids of the session's images (set), living as long as the newest, so retention finds them without a scan.</summary>
    public static RedisKey Ids(string sessionId) => CovisorKeys.SessionScoped(sessionId, "media-ids");
}
