using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Sessions;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.CallBack;

/// <summary>
/// A host that calls customers back from <see cref="ShopNumber"/> through a loopback Twilio API, and
/// a web session (no call) in it: Ana in charge, one admitted customer, both connected to the hub.
/// </summary>
internal sealed class CallBackShop : IAsyncDisposable
{
    public const string ShopNumber = "+34910000000";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private CallBackShop(LoopbackTwilioApi api, PinCovisorHost host) => (Api, Host) = (api, host);

    public LoopbackTwilioApi Api { get; }

    public PinCovisorHost Host { get; }

    public string SessionId { get; private set; } = "";

    public HubClient Customer { get; private set; } = null!;

    public HubClient Agent { get; private set; } = null!;

    public TwilioCaller Twilio => new(Host.CreateLoopbackClient());

    public static async Task<CallBackShop> StartAsync(
        RedisServers servers, RedisServerKind kind, IDictionary<string, string?>? settings = null)
    {
        var api = await LoopbackTwilioApi.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Twilio:ApiBaseUrl"] = api.BaseAddress.ToString(),
            ["CallBack:From"] = ShopNumber,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var shop = new CallBackShop(api, HostFactory.Start(servers, kind, all));
        await shop.OpenWebSessionAsync();
        return shop;
    }

    public T Service<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Connects another agent (not in charge of the session).</summary>
    public async Task<HubClient> ConnectAgentAsync(string username) =>
        await HubClient.ConnectAsync(Host.BaseAddress, await SessionSeeder.AgentTokenAsync(Host, username));

    public async ValueTask DisposeAsync()
    {
        await Customer.DisposeAsync();
        await Agent.DisposeAsync();
        await Host.DisposeAsync();
        await Api.DisposeAsync();
    }

    // As an invitation opens it (docs/visitors.md): a web session with the agent in charge, then the visitor admitted.
    private async Task OpenWebSessionAsync()
    {
        var store = Service<RedisSessionStore>();
        var tokens = Service<RedisAccessTokens>();
        var expires = Service<TimeProvider>().GetUtcNow().AddHours(4);
        var session = await store.OpenForWebAsync("ana").WaitAsync(Timeout);
        var participant = await store.AddParticipantAsync(session.Id, AdmissionState.Admitted, "Firefox on Linux").WaitAsync(Timeout);
        var customerToken = await tokens.IssueAsync(new AccessGrant(AccessKind.Customer, participant.Id, session.Id, expires)).WaitAsync(Timeout);
        SessionId = session.Id;
        Customer = await HubClient.ConnectRecordingAsync(Host.BaseAddress, customerToken);
        Agent = await HubClient.ConnectRecordingAsync(Host.BaseAddress, await SessionSeeder.AgentTokenAsync(Host, "ana"));
        await Customer.JoinAsync(SessionId);
        await Agent.JoinAsync(SessionId);
    }
}
