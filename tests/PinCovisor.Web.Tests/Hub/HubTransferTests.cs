using Microsoft.Extensions.DependencyInjection;
using PinCovisor.Web.Agents;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Hub;
using static PinCovisor.Web.Tests.Hub.HubAssertions;

namespace PinCovisor.Web.Tests.Hub;

[Collection(RedisCollection.Name)]
public sealed class HubTransferTests(RedisServers servers)
{
    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TransferGivesTheNewAgentTheHistoryAndTheCustomerTheNewName(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var id = scenario.SessionId;
        await using var bruno = await HubClient.ConnectAsync(scenario.Host.BaseAddress, await SessionSeeder.AgentTokenAsync(scenario.Host, "bruno"));
        await scenario.Customer.ChatAsync(id, "necesito una talla más");
        await scenario.Agent.ChatAsync(id, "te paso con Bruno");

        var handedTo = await scenario.Agent.InvokeAsync<AgentInfo>("TransferSession", id, "bruno");

        handedTo.Should().Be(new AgentInfo("bruno", "Bruno"));
        var presence = await scenario.Host.Services.GetRequiredService<RedisAgentPresence>().GetAllAsync().WaitAsync(TimeSpan.FromSeconds(30));
        presence.Single(a => a.Username == "bruno").LastSeen.Should().NotBeNull("connecting to the hub counts as being seen");
        var seen = await scenario.Customer.Events.WaitForKindAsync(id, EventKinds.AgentChanged);
        seen.DataAs<CustomerAgentChanged>().Should().Be(new CustomerAgentChanged("Bruno", "Ana"), "customers see names, never usernames");
        var told = await bruno.Events.WaitAsync(() => bruno.Events.Arrivals, a => a.Any(e => e.Kind == EventKinds.AgentChanged));
        told.First(e => e.Kind == EventKinds.AgentChanged).DataAs<AgentChanged>().Should().Be(new AgentChanged("ana", "bruno", "Bruno"));
        var joined = await bruno.JoinAsync(id);
        joined.Agent.Should().Be(new AgentInfo("bruno", "Bruno"));
        bruno.Events.Applied(id).Select(e => e.Kind).Should().Equal(EventKinds.ChatMessage, EventKinds.ChatMessage, EventKinds.AgentChanged);

        await scenario.Customer.ChatAsync(id, "hola Bruno");
        await bruno.Events.WaitForCountAsync(id, 4);
        await Refused(scenario.Agent.ChatAsync(id, "sigo aquí"), "You are not in this session.");
        await Refused(scenario.Agent.InvokeAsync<JoinResult>("JoinSession", id, 0L), "You are not in this session.");
        scenario.Agent.Events.Arrivals.Should().NotContain(e => e.Seq == 4, "the previous agent left the session's group");
        await Refused(bruno.InvokeAsync<AgentInfo>("TransferSession", id, "nobody"), "There is no available agent with that username.");
        await Refused(bruno.InvokeAsync<AgentInfo>("TransferSession", id, "bruno"), "You are already in charge of this session.");
    }
}
