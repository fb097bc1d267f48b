using StackExchange.Redis;

namespace PinCovisor.Web.Webhooks;

/// <summary>
/// The queue's keys, all under the hash tag <c>{webhooks:&lt;queue&gt;}</c> so its scripts stay in one
/// Cluster slot: <c>due</c> (sorted set of delivery ids by due time, or lease end while one is sent),
/// <c>d:&lt;delivery id&gt;</c> (a delivery's hash), <c>dead</c> (dead letters by when they died) and
/// <c>seen:&lt;event id&gt;</c> (an event already queued).
/// </summary>
internal sealed class WebhookKeys(string queue)
{
    private readonly string _prefix = $"{PhoneBridge.Redis.RedisKeys.Prefix}{{webhooks:{queue}}}:";

    public RedisKey Due => _prefix + "due";

    public RedisKey Dead => _prefix + "dead";

    /// <summary>What a delivery id is appended to for its hash (the scripts build dropped dead letters' keys from it).</summary>
    public string DeliveryPrefix => _prefix + "d:";

    public RedisKey Delivery(string deliveryId) => DeliveryPrefix + deliveryId;

    public RedisKey Seen(string eventId) => _prefix + "seen:" + eventId;

    /// <summary>Queue names, endpoint names and ids become key parts: nothing that could move a key out of the slot.</summary>
    public static bool IsKeySafe(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
