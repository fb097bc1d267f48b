using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Tests.Hub;

[Collection(RedisCollection.Name)]
public sealed class HubBackplaneTests(RedisServers servers)
{
    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TwoHostsSharingOneRedisCarryEventsBothWaysAndEndingOnOneCutsOffTheOther(RedisServerKind kind)
    {
        await using var hosts = TwoHosts.Start(servers, kind);
        var (first, second) = (hosts.First, hosts.Second);
        var session = await SessionSeeder.SeedAsync(first);
        var id = session.SessionId;
        await using var customer = await HubClient.ConnectAsync(first.BaseAddress, session.CustomerToken);
        await using var agent = await HubClient.ConnectAsync(second.BaseAddress, session.AgentToken);
        await customer.JoinAsync(id);
        await agent.JoinAsync(id);

        await agent.ChatAsync(id, "hola desde el segundo host");
        await customer.ChatAsync(id, "hola desde el primero");
        await customer.InvokeAsync<long>("AddStroke", id, new StrokeInput("s", [0.2, 0.2, 0.4, 0.4], "#0000ff", 3));
        await agent.InvokeAsync<long>("SetView", id, new ViewState(3, 0.4, 0.4));
        await agent.InvokeAsync<long>("ControlVideo", id, new VideoCommand("play", ShopSettings.VideoId, 0, 1, true));
        await agent.InvokeAsync("MovePointer", id, 0.3, 0.3);

        var atCustomer = await customer.Events.WaitForCountAsync(id, 5);
        var atAgent = await agent.Events.WaitForCountAsync(id, 5);
        atCustomer.Select(e => e.Kind).Should().Equal(
            EventKinds.ChatMessage, EventKinds.ChatMessage, EventKinds.StrokeAdded, EventKinds.ViewChanged, EventKinds.Video);
        atAgent.Select(e => (e.Seq, e.Kind)).Should().Equal(atCustomer.Select(e => (e.Seq, e.Kind)));
        await customer.Events.WaitAsync(() => customer.Events.Pointers, p => p.Count == 1);

        await agent.InvokeAsync("EndSession", id);

        await customer.Closed.WaitAsync(TimeSpan.FromSeconds(30));
        (await agent.Events.WaitForKindAsync(id, EventKinds.SessionEnded)).Seq.Should().Be(6);
    }
}
