using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Webhooks;

/// <summary>The body of every webhook: the idempotency id, the type, when it happened and the event's data.</summary>
internal sealed record WebhookMessage(string Id, string Type, DateTimeOffset OccurredAt, object Data);

/// <summary>
/// Tells the shop's systems what happened: one queued delivery per endpoint that wants the type.
/// Publishing never throws and never waits long: a message that cannot be queued is logged (3001)
/// and the product goes on.
/// </summary>
internal sealed class ShopEvents(WebhookQueue queue, IOptions<WebhooksOptions> options, TimeProvider time, ILogger<ShopEvents> logger)
{
    /// <summary>Longest a publisher waits for Redis; the queueing itself still completes on the server.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Publishes an event with a fresh id; returns the id, or null when no endpoint wants the type.</summary>
    /// <param name="type">One of <see cref="WebhookEventTypes"/>.</param>
    /// <param name="data">The event's data, serialised as JSON (camelCase), e.g. <c>csat.submitted</c>'s <see cref="CsatSubmittedData"/>.</param>
    /// <param name="cancellationToken">Stops the wait only: a message sent to Redis is queued anyway.</param>
    public Task<string?> PublishAsync(string type, object data, CancellationToken cancellationToken = default) =>
        PublishAsync(type, data, onceFor: null, cancellationToken);

    /// <summary>
    /// Publishes an event whose id derives from <paramref name="type"/> and <paramref name="onceFor"/>
    /// (e.g. a session id): told again, within <c>Webhooks:MaxAge</c> + 1 day, it is queued once.
    /// Returns the id, or null when no endpoint wants the type.
    /// </summary>
    public async Task<string?> PublishAsync(string type, object data, string? onceFor, CancellationToken cancellationToken = default)
    {
        var endpoints = options.Value.Endpoints.Where(e => e.Wants(type)).Select(e => e.Name).ToList();
        if (endpoints.Count == 0)
        {
            return null;
        }

        var id = "evt_" + (onceFor is null
            ? RandomNumberGenerator.GetHexString(32, lowercase: true)
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{type}\n{onceFor}")))[..32]);
        try
        {
            var body = JsonSerializer.Serialize(new WebhookMessage(id, type, time.GetUtcNow(), data), Json);
            var queued = await queue.EnqueueAsync(id, type, body, endpoints, cancellationToken)
                .WaitAsync(MaxWait, time, cancellationToken).ConfigureAwait(false);
            WebhooksLog.Queued(logger, type, id, queued);
        }
#pragma warning disable CA1031 // Publishing must never fail the product path it is called from.
        catch (Exception e)
#pragma warning restore CA1031
        {
            WebhooksLog.NotQueued(logger, e, type, id);
        }

        return id;
    }
}
