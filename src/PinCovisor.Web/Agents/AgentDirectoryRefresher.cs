using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PinCovisor.Web.Agents;

/// <summary>
/// Seeds the configured agents and loads the directory before the host takes requests (when Redis
/// answers), then keeps the directory fresh. While Redis is down the directory keeps what it had
/// (at first, the configured agents), so the IVR still rings agents; seeding is retried until done.
/// </summary>
internal sealed class AgentDirectoryRefresher(
    AgentSeeder seeder,
    AgentDirectory directory,
    IConnectionMultiplexer redis,
    IOptions<AgentLoginOptions> options,
    TimeProvider time,
    ILogger<AgentDirectoryRefresher> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private bool _seeded;
    private bool _failing;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A Redis that did not answer the connect would only make start-up wait for a timeout.
        if (redis.IsConnected)
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }

        _loop = LoopAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    // Cancels rather than disposes, as BackgroundService does: the container may dispose this
    // before the host calls StopAsync, which must then still work.
    public void Dispose() => _stopping.Cancel();

    private async Task LoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.Value.DirectoryRefresh, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                await RefreshAsync(stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!_seeded)
            {
                await seeder.SeedAsync(cancellationToken).ConfigureAwait(false);
                _seeded = true;
            }

            await directory.RefreshAsync(cancellationToken).ConfigureAwait(false);
            if (_failing)
            {
                _failing = false;
                AgentLog.DirectoryRecovered(logger);
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Logged once per outage, not at every tick.
            if (!_failing)
            {
                _failing = true;
                AgentLog.DirectoryRefreshFailed(logger, e);
            }
        }
    }
}
