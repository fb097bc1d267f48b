using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PinCovisor.Web.Webhooks;

/// <summary>
/// One message on its way to one endpoint, as the queue holds it: the delivery's id (<c>dlv_</c> + 128
/// bits), the endpoint's name, the event's id and type, the body as sent on every attempt, attempts
/// made, when it was queued, the last failure and when it was, and when it became a dead letter.
/// </summary>
internal sealed record WebhookDelivery(
    string Id, string Endpoint, string EventId, string Type, string Body, int Attempts, DateTimeOffset CreatedAt,
    string? LastError, DateTimeOffset? TriedAt, DateTimeOffset? DeadAt);

/// <summary>A delivery leased by this host until <see cref="Until"/> (Unix ms), which is also the lease's token.</summary>
internal readonly record struct WebhookLease(WebhookDelivery Delivery, long Until);

/// <summary>
/// The durable queue in Redis, shared by every host of the shop: deliveries due by time, leased to
/// one host while it sends, settled as delivered, retried later or dead; dead letters capped.
/// </summary>
internal sealed class WebhookQueue(IConnectionMultiplexer redis, IOptions<WebhooksOptions> options, TimeProvider time)
{
    private readonly WebhookKeys _keys = new(options.Value.Queue);

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Queues <paramref name="body"/> once per endpoint; nothing when the event id was queued before. Returns how many.</summary>
    public async Task<int> EnqueueAsync(string eventId, string type, string body, IReadOnlyList<string> endpoints, CancellationToken cancellationToken)
    {
        if (endpoints.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var ids = endpoints.Select(_ => "dlv_" + RandomNumberGenerator.GetHexString(32, lowercase: true)).ToList();
        RedisKey[] keys = [_keys.Seen(eventId), _keys.Due, .. ids.Select(_keys.Delivery)];
        var seenFor = (long)(options.Value.MaxAge + TimeSpan.FromDays(1)).TotalMilliseconds;
        RedisValue[] args =
        [
            seenFor, now, body, eventId, type,
            .. ids.Zip(endpoints).SelectMany(pair => new RedisValue[] { pair.First, pair.Second }),
        ];
        return (int)await WebhookScripts.Enqueue.RunAsync(Db, keys, args, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Leases up to <paramref name="most"/> due deliveries for <paramref name="lease"/>.</summary>
    public async Task<IReadOnlyList<WebhookLease>> ClaimAsync(int most, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = (now + lease).ToUnixTimeMilliseconds();
        var claimed = (RedisResult[])(await WebhookScripts.Claim.RunAsync(Db, [_keys.Due],
            [now.ToUnixTimeMilliseconds(), until, most], cancellationToken).ConfigureAwait(false))!;
        var leases = new List<WebhookLease>(claimed.Length);
        foreach (var id in claimed.Select(c => c.ToString()))
        {
            if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is { } delivery)
            {
                leases.Add(new WebhookLease(delivery, until));
            }
            else
            {
                // A hash gone under its entry (a dead letter dropped by the cap while leased): nothing left to send.
                await Db.SortedSetRemoveAsync(_keys.Due, id).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return leases;
    }

    /// <summary>Delivered: gone from the queue. False when the lease had passed to another host.</summary>
    public async Task<bool> CompleteAsync(WebhookLease lease, CancellationToken cancellationToken) =>
        await SettleAsync(lease, "done", null, "", cancellationToken).ConfigureAwait(false) >= 0;

    /// <summary>Failed: tried again at <paramref name="next"/>. False when the lease had passed to another host.</summary>
    public async Task<bool> RetryAsync(WebhookLease lease, DateTimeOffset next, string error, CancellationToken cancellationToken) =>
        await SettleAsync(lease, "retry", next, error, cancellationToken).ConfigureAwait(false) >= 0;

    /// <summary>Failed for good: a dead letter. Returns how many old dead letters the cap dropped, or -1 when the lease had passed.</summary>
    public Task<long> KillAsync(WebhookLease lease, string error, CancellationToken cancellationToken) =>
        SettleAsync(lease, "dead", null, error, cancellationToken);

    /// <summary>The newest <paramref name="most"/> dead letters, newest first.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> DeadLettersAsync(int most, CancellationToken cancellationToken)
    {
        var ids = await Db.SortedSetRangeByRankAsync(_keys.Dead, 0, most - 1, Order.Descending).WaitAsync(cancellationToken).ConfigureAwait(false);
        var found = await Task.WhenAll(ids.Select(id => GetAsync(id.ToString(), cancellationToken))).ConfigureAwait(false);
        return [.. found.OfType<WebhookDelivery>()];
    }

    /// <summary>Queues a dead letter again, due now, with a fresh count and age. False when there is no such dead letter.</summary>
    public async Task<bool> ReviveAsync(string deliveryId, CancellationToken cancellationToken) =>
        WebhookKeys.IsKeySafe(deliveryId)
        && (int)await WebhookScripts.Revive.RunAsync(Db, [_keys.Dead, _keys.Due, _keys.Delivery(deliveryId)],
            [deliveryId, time.GetUtcNow().ToUnixTimeMilliseconds()], cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Deletes a dead letter. False when there is no such dead letter.</summary>
    public async Task<bool> DiscardAsync(string deliveryId, CancellationToken cancellationToken) =>
        WebhookKeys.IsKeySafe(deliveryId)
        && (int)await WebhookScripts.Discard.RunAsync(Db, [_keys.Dead, _keys.Delivery(deliveryId)], [deliveryId], cancellationToken)
            .ConfigureAwait(false) == 1;

    private async Task<long> SettleAsync(WebhookLease lease, string outcome, DateTimeOffset? next, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var id = lease.Delivery.Id;
        RedisValue[] args =
        [
            id, lease.Until, outcome, now, next?.ToUnixTimeMilliseconds() ?? now, error, options.Value.MaxDeadLetters, _keys.DeliveryPrefix,
        ];
        return (long)await WebhookScripts.Settle.RunAsync(Db, [_keys.Due, _keys.Delivery(id), _keys.Dead], args, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<WebhookDelivery?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var fields = (await Db.HashGetAllAsync(_keys.Delivery(id)).WaitAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
        if (!fields.TryGetValue("body", out var body))
        {
            return null;
        }

        return new WebhookDelivery(
            id, fields["endpoint"], fields["event"], fields["type"], body, int.Parse(fields["attempts"], System.Globalization.CultureInfo.InvariantCulture),
            At(fields["created"])!.Value, fields.GetValueOrDefault("error"), At(fields.GetValueOrDefault("tried")), At(fields.GetValueOrDefault("dead")));
    }

    private static DateTimeOffset? At(string? ms) =>
        ms is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(ms, System.Globalization.CultureInfo.InvariantCulture));
}
