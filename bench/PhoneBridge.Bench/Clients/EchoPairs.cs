using Microsoft.AspNetCore.SignalR.Client;
using PhoneBridge.Bench.Hosting;
using PhoneBridge.Bench.Measuring;
using PinCovisor.Web.Hub;

namespace PhoneBridge.Bench.Clients;

/// <summary>The same pairs and payloads on the bare echo hub.</summary>
public static class EchoPairs
{
    public static Task<List<PairTraffic>> ConnectAsync(Uri echoHost, int sessions, FanOutLoad load) =>
        ClientConnections.StartManyAsync(Enumerable.Range(0, sessions), 8, async i =>
        {
            var hub = new Uri(echoHost, EchoHost.HubPath);
            var agent = ClientConnections.Build(hub, null);
            var customer = ClientConnections.Build(hub, null);
            agent.On<string, string, object?>("Echo", (_, id, _) => load.Arrived(id));
            customer.On<string, string, object?>("Echo", (_, id, _) => load.Arrived(id));
            await agent.StartAsync();
            await customer.StartAsync();
            var group = "s" + i;
            await agent.InvokeAsync("Join", group);
            await customer.InvokeAsync("Join", group);
            var drawing = i % 10 == 0;
            Func<Task> send = drawing
                ? () =>
                {
                    var id = SendStamp.NewId();
                    return agent.InvokeAsync<long>("Relay", group, EventKinds.StrokeAdded, id, new StrokeInput(id, PairTraffic.StrokePoints, PairTraffic.StrokeColor, PairTraffic.StrokeWidth));
                }
                : () => customer.InvokeAsync<long>("Relay", group, EventKinds.ChatMessage, SendStamp.NewId(), PairTraffic.ChatText);
            return new PairTraffic(agent, customer, drawing, send);
        });
}
