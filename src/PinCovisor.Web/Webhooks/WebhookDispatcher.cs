using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PinCovisor.Web.Webhooks;

/// <summary>
/// Each host's delivery loop: every <c>Webhooks:PollInterval</c> it leases the deliveries due and
/// sends them; a failure is tried again after an exponential backoff with full jitter, until
/// <c>Webhooks:MaxAttempts</c> or <c>Webhooks:MaxAge</c> makes it a dead letter. A host that dies
/// mid-send leaves its lease to run out, and another host sends the message again: at least once.
/// </summary>
internal sealed class WebhookDispatcher(
    WebhookQueue queue, WebhookSender sender, IOptions<WebhooksOptions> options, TimeProvider time, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    /// <summary>Deliveries leased at once by one host.</summary>
    public const int Batch = 20;

    private WebhooksOptions Options => options.Value;

    /// <summary>Long enough for a send that times out and its settling; past it another host may send again.</summary>
    public TimeSpan Lease => (2 * Options.Timeout) + TimeSpan.FromSeconds(30);

    /// <summary>Leases what is due now and sends it; returns how many deliveries it handled.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var leases = await queue.ClaimAsync(Batch, Lease, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(leases.Select(lease => DeliverAsync(lease, cancellationToken))).ConfigureAwait(false);
        return leases.Count;
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: uniform in [0, min(cap, base × 2^(attempt − 1))].</summary>
    public static TimeSpan Backoff(WebhooksOptions options, int attempt)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ceiling = options.BackoffBase.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 40));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(ceiling, options.BackoffCap.TotalMilliseconds));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Options.Endpoints.Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DeliverDueAsync(stoppingToken).ConfigureAwait(false) == Batch)
                {
                }

                await Task.Delay(Options.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Whatever was leased comes back when its lease ends.
                WebhooksLog.PollFailed(logger, e, Options.PollInterval);
                await Task.Delay(Options.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DeliverAsync(WebhookLease lease, CancellationToken cancellationToken)
    {
        var delivery = lease.Delivery;
        var attempt = delivery.Attempts + 1;
        var endpoint = Options.Endpoints.FirstOrDefault(e => e.Name == delivery.Endpoint);
        var (outcome, status, error) = endpoint is null
            ? (WebhookOutcome.Gone, 0, $"the endpoint {delivery.Endpoint} is no longer configured")
            : await sender.SendAsync(endpoint, delivery, cancellationToken).ConfigureAwait(false);

        var now = time.GetUtcNow();
        if (outcome == WebhookOutcome.Delivered)
        {
            if (!await queue.CompleteAsync(lease, cancellationToken).ConfigureAwait(false))
            {
                WebhooksLog.LeaseLost(logger, delivery.Id);
            }

            WebhooksLog.Delivered(logger, delivery.Type, delivery.EventId, delivery.Endpoint, attempt, status);
            return;
        }

        if (outcome == WebhookOutcome.Failed && attempt < Options.MaxAttempts && now - delivery.CreatedAt < Options.MaxAge)
        {
            var delay = Backoff(Options, attempt);
            if (!await queue.RetryAsync(lease, now + delay, error, cancellationToken).ConfigureAwait(false))
            {
                WebhooksLog.LeaseLost(logger, delivery.Id);
                return;
            }

            WebhooksLog.Retrying(logger, delivery.Type, delivery.EventId, delivery.Endpoint, attempt, error, delay);
            return;
        }

        var dropped = await queue.KillAsync(lease, error, cancellationToken).ConfigureAwait(false);
        if (dropped < 0)
        {
            WebhooksLog.LeaseLost(logger, delivery.Id);
            return;
        }

        WebhooksLog.DeadLettered(logger, delivery.Type, delivery.EventId, delivery.Endpoint, attempt, error, delivery.Id);
        if (dropped > 0)
        {
            WebhooksLog.DeadLettersDropped(logger, dropped, Options.MaxDeadLetters);
        }
    }
}
