using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Hub;

/// <summary>A host with one seeded session, its agent and its admitted customer connected and joined.</summary>
internal sealed class HubScenario : IAsyncDisposable
{
    private HubScenario(PinCovisorHost host, SeededSession session, HubClient agent, HubClient customer)
    {
        Host = host;
        Session = session;
        Agent = agent;
        Customer = customer;
    }

    public PinCovisorHost Host { get; }

    public SeededSession Session { get; }

    public string SessionId => Session.SessionId;

    public HubClient Agent { get; }

    public HubClient Customer { get; }

    public static async Task<HubScenario> StartAsync(
        RedisServers servers,
        RedisServerKind kind,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        string agentUsername = "ana")
    {
        var host = HostFactory.Start(servers, kind, ShopSettings.With(settings), services);
        var session = await SessionSeeder.SeedAsync(host, agentUsername);
        var agent = await HubClient.ConnectAsync(host.BaseAddress, session.AgentToken, reconnect: true);
        var customer = await HubClient.ConnectAsync(host.BaseAddress, session.CustomerToken, reconnect: true);
        await agent.JoinAsync(session.SessionId);
        await customer.JoinAsync(session.SessionId);
        return new HubScenario(host, session, agent, customer);
    }

    public async ValueTask DisposeAsync()
    {
        await Customer.DisposeAsync();
        await Agent.DisposeAsync();
        await Host.DisposeAsync();
    }
}
