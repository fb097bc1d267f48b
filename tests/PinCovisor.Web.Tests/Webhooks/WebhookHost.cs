using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Tests.Sessions;
using PinCovisor.Web.Webhooks;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Webhooks;

/// <summary>
/// A host sending webhooks to one receiver ("crm") on a queue of its own, on a fake clock. On
/// redis-server it uses the agent tests' database (admins it adds must not ring in other tests);
/// <c>shared</c> puts a Garnet host on the tests' shared Garnet, so several hosts share one queue.
/// </summary>
internal sealed class WebhookHost : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private WebhookHost(SessionHost session) => Session = session;

    public SessionHost Session { get; }

    public PinCovisorHost Host => Session.Host;

    public FakeTimeProvider Clock => Session.Clock;

    public TwilioCaller Twilio => Session.Twilio;

    public SessionsApi Api => Session.Api;

    public ShopEvents Events => Host.Services.GetRequiredService<ShopEvents>();

    public WebhookDispatcher Dispatcher => Host.Services.GetRequiredService<WebhookDispatcher>();

    public static string NewQueue() => "t" + RandomNumberGenerator.GetHexString(12, lowercase: true);

    public static FakeTimeProvider NewClock() =>
        new(TestClock.RandomInstantAhead());

    public static WebhookHost Start(
        RedisServers servers, RedisServerKind kind, WebhookReceiver receiver, string? queue = null, FakeTimeProvider? clock = null,
        IDictionary<string, string?>? settings = null, bool shared = false)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(receiver);
        clock ??= NewClock();
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = kind != RedisServerKind.Garnet
                ? servers.IsolatedConnectionString(kind)
                : shared ? servers.ConnectionString(kind) : "",
            [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value,
            ["Webhooks:Queue"] = queue ?? NewQueue(),
            ["Webhooks:Endpoints:0:Name"] = "crm",
            ["Webhooks:Endpoints:0:Url"] = receiver.Url.ToString(),
            ["Webhooks:Endpoints:0:Secret"] = WebhookReceiver.Secret,
            ["Webhooks:BackoffBase"] = "00:00:02",
            ["Webhooks:BackoffCap"] = "00:00:20",
            ["Webhooks:PublicBaseUrl"] = "https://shop.example/",
            // The delivery loop sleeps unless a test wakes it: fake time must not run past a lease
            // while a real send is under way, so tests deliver with RunUntilAsync.
            ["Webhooks:PollInterval"] = "01:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = new PinCovisorHost(all, services => services.AddSingleton<TimeProvider>(clock));
        _ = host.BaseAddress;
        return new WebhookHost(SessionHost.Of(host, clock));
    }

    /// <summary>Moves the clock by <paramref name="step"/> and delivers what is due, until <paramref name="done"/> or <paramref name="steps"/> run out.</summary>
    public async Task RunUntilAsync(Func<bool> done, TimeSpan step, int steps = 200)
    {
        for (var i = 0; i < steps && !done(); i++)
        {
            Clock.Advance(step);
            await Dispatcher.DeliverDueAsync().WaitAsync(Timeout);
        }
    }

    /// <summary>How many deliveries wait in the queue (due, retrying or leased).</summary>
    public async Task<long> QueuedAsync(string queue) =>
        await Host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase()
            .SortedSetLengthAsync($"pb:{{webhooks:{queue}}}:due").WaitAsync(Timeout);

    /// <summary>The attempts made so far of each delivery in the queue.</summary>
    public async Task<IReadOnlyList<int>> AttemptsAsync(string queue)
    {
        var db = Host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var ids = await db.SortedSetRangeByRankAsync($"pb:{{webhooks:{queue}}}:due").WaitAsync(Timeout);
        var attempts = await Task.WhenAll(ids.Select(id => db.HashGetAsync($"pb:{{webhooks:{queue}}}:d:{id}", "attempts"))).WaitAsync(Timeout);
        return [.. attempts.Select(a => (int)a)];
    }

    public ValueTask DisposeAsync() => Session.DisposeAsync();
}
