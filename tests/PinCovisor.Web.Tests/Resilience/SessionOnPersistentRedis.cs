using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Tests.Resilience;

/// <summary>
/// One host on a redis-server with an append-only file (<c>appendfsync everysec</c>) that the test
/// may stop, crash and start again, and an admitted call whose two sides have already exchanged events.
/// </summary>
internal sealed class SessionOnPersistentRedis : IAsyncDisposable
{
    private SessionOnPersistentRedis(RedisServerProcess redis, PinCovisorHost host)
    {
        Redis = redis;
        Host = host;
        Http = host.CreateLoopbackClient();
        Twilio = new TwilioCaller(host.CreateLoopbackClient());
    }

    public RedisServerProcess Redis { get; }

    public PinCovisorHost Host { get; }

    public HttpClient Http { get; }

    public TwilioCaller Twilio { get; }

    public AdmittedCall Session { get; private set; } = null!;

    /// <summary>What both sides had seen before anything happened to Redis.</summary>
    public IReadOnlyList<CovisorEvent> Before { get; private set; } = [];

    public static async Task<SessionOnPersistentRedis> StartAsync(int exchanges)
    {
        var redis = RedisServerProcess.StartPersistent();
        var started = new SessionOnPersistentRedis(redis, ResilienceHost.Start(redis.Port));
        try
        {
            started.Session = await AdmittedCall.StartAsync(started.Host, started.Host);
            started.Before = await started.Session.BothSeeAsync(await started.Session.ExchangeAsync("before", exchanges));
            return started;
        }
        catch
        {
            // Nothing outlives a failed start: a redis-server left running would outlive the test run.
            await started.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits out <c>appendfsync everysec</c>, the documented window: a write reaches the disk within a
    /// second, so what was written before this returns survives even a crash.
    /// </summary>
    public static Task WaitForFsyncAsync() => Task.Delay(TimeSpan.FromMilliseconds(1200));

    public async ValueTask DisposeAsync()
    {
        if (Session is not null)
        {
            await Session.DisposeAsync();
        }

        Http.Dispose();
        await Host.DisposeAsync();
        Redis.Dispose();
    }
}
