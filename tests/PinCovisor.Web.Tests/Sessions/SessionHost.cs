using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Sessions;

/// <summary>A host for session tests: loopback trusted as a proxy (one client address per test), a fake clock at a random instant.</summary>
internal sealed class SessionHost : IAsyncDisposable
{
    private SessionHost(PinCovisorHost host, FakeTimeProvider clock)
    {
        Host = host;
        Clock = clock;
        Twilio = new TwilioCaller(host.CreateLoopbackClient());
        Api = new SessionsApi(host.CreateLoopbackClient());
    }

    public PinCovisorHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public TwilioCaller Twilio { get; }

    /// <summary>The API from one random client address; <see cref="SessionsApi.FromAnotherClient"/> for more.</summary>
    public SessionsApi Api { get; }

    public IServiceProvider Services => Host.Services;

    public static SessionHost Start(RedisServers servers, RedisServerKind kind, IDictionary<string, string?>? settings = null)
    {
        // Epoch-aligned windows (the global budget) differ between tests sharing a Redis.
        var clock = new FakeTimeProvider(TestClock.RandomInstantAhead());
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        all.Add(SessionsApi.TrustLoopbackProxy.Key, SessionsApi.TrustLoopbackProxy.Value);
        var host = HostFactory.Start(servers, kind, all, services => services.AddSingleton<TimeProvider>(clock));
        return new SessionHost(host, clock);
    }

    /// <summary>The same view of a host started otherwise, on <paramref name="clock"/>.</summary>
    public static SessionHost Of(PinCovisorHost host, FakeTimeProvider clock) => new(host, clock);

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
