using Microsoft.AspNetCore.SignalR.Client;
using PhoneBridge.Bench.Measuring;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;

namespace PhoneBridge.Bench.Clients;

/// <summary>Sessions on the real <c>/hubs/covisor</c>: seeded, both members connected and joined.</summary>
public static class CovisorPairs
{
    /// <summary>
    /// Seeds <paramref name="sessions"/> sessions through <paramref name="seedHost"/>, connects each agent
    /// to <paramref name="agentHost"/> and each customer to <paramref name="customerHost"/> (the same
    /// host, or two hosts sharing one Redis), the first tenth drawing.
    /// </summary>
    public static Task<List<PairTraffic>> ConnectAsync(
        PinCovisorHost seedHost, Uri agentHost, Uri customerHost, int sessions, FanOutLoad load) =>
        ClientConnections.StartManyAsync(Enumerable.Range(0, sessions), 8, async i =>
        {
            var seeded = await SessionSeeder.SeedAsync(seedHost);
            var agent = ClientConnections.Build(new Uri(agentHost, "hubs/covisor"), seeded.AgentToken);
            var customer = ClientConnections.Build(new Uri(customerHost, "hubs/covisor"), seeded.CustomerToken);
            agent.On<CovisorEvent>(nameof(ICovisorClient.SessionEvent), e =>
            {
                if (e.Kind == EventKinds.ChatMessage)
                {
                    load.Arrived(e.Data.GetProperty("messageId").GetString());
                }
            });
            customer.On<CovisorEvent>(nameof(ICovisorClient.SessionEvent), e =>
            {
                if (e.Kind == EventKinds.StrokeAdded)
                {
                    load.Arrived(e.Data.GetProperty("strokeId").GetString());
                }
            });
            await agent.StartAsync();
            await customer.StartAsync();
            await agent.InvokeAsync<JoinResult>("JoinSession", seeded.SessionId, 0L);
            await customer.InvokeAsync<JoinResult>("JoinSession", seeded.SessionId, 0L);
            var drawing = i % 10 == 0;
            var id = seeded.SessionId;
            Func<Task> send = drawing
                ? () => agent.InvokeAsync<long>("AddStroke", id, new StrokeInput(SendStamp.NewId(), PairTraffic.StrokePoints, PairTraffic.StrokeColor, PairTraffic.StrokeWidth))
                : () => customer.InvokeAsync<long>("SendChat", id, SendStamp.NewId(), PairTraffic.ChatText);
            return new PairTraffic(agent, customer, drawing, send);
        });
}
