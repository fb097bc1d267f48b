using StackExchange.Redis;

namespace PinCovisor.Web.Sessions;

/// <summary>Closes sessions once their call has been over for <see cref="SessionsOptions.CallEndGrace"/>.</summary>
internal sealed class SessionCloser(
    SessionClosingQueue queue, SessionLifecycle lifecycle, TimeProvider time, ILogger<SessionCloser> logger) : BackgroundService
{
    /// <summary>The reason sessions closed by the grace period give their people.</summary>
    public const string CallEndedReason = "call-ended";

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await CloseDueAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; whatever is due is closed by the next host to poll.
        }
    }

    private async Task CloseDueAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var sessionId in await queue.ClaimDueAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                await lifecycle.CloseAsync(sessionId, CallEndedReason, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException or TimeoutException)
        {
            // Redis being away must not stop the loop; the entries stay queued until it returns.
            SessionLog.ClosingFailed(logger, e);
        }
    }
}
