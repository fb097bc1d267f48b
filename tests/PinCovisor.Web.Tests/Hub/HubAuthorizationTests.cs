using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;
using static PinCovisor.Web.Tests.Hub.HubAssertions;

namespace PinCovisor.Web.Tests.Hub;

[Collection(RedisCollection.Name)]
public sealed class HubAuthorizationTests(RedisServers servers)
{
    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACustomerOfOneSessionCanNeitherReadNorWriteAnother(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var other = await SessionSeeder.SeedAsync(scenario.Host, agent: "bruno");
        await using var otherAgent = await HubClient.ConnectAsync(scenario.Host.BaseAddress, other.AgentToken);
        await otherAgent.JoinAsync(other.SessionId);
        var customer = scenario.Customer;

        await Refused(customer.InvokeAsync<JoinResult>("JoinSession", other.SessionId, 0L), "You are not in this session.");
        await Refused(customer.ChatAsync(other.SessionId, "hola"), "You are not in this session.");
        await Refused(customer.InvokeAsync("MovePointer", other.SessionId, 0.5, 0.5), "You are not in this session.");
        await otherAgent.ChatAsync(other.SessionId, "secreto");
        await customer.ChatAsync(scenario.SessionId, "mío");

        await otherAgent.Events.WaitForCountAsync(other.SessionId, 1);
        await customer.Events.WaitForCountAsync(scenario.SessionId, 1);
        customer.Events.Arrivals.Should().OnlyContain(e => e.SessionId == scenario.SessionId);
        otherAgent.Events.Applied(other.SessionId).Should().ContainSingle("nothing from the intruder reached session B");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnAgentNotInChargeCannotJoinAndACustomerCannotActAsTheAgent(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        await using var bruno = await HubClient.ConnectAsync(scenario.Host.BaseAddress, await SessionSeeder.AgentTokenAsync(scenario.Host, "bruno"));

        await Refused(bruno.InvokeAsync<JoinResult>("JoinSession", scenario.SessionId, 0L), "You are not in this session.");
        await Refused(bruno.ChatAsync(scenario.SessionId, "hola"), "You are not in this session.");
        await Refused(scenario.Customer.InvokeAsync<AgentInfo>("TransferSession", scenario.SessionId, "bruno"),
            "Only the agent in charge can do that.");
        await Refused(scenario.Customer.InvokeAsync("EndSession", scenario.SessionId), "Only the agent in charge can do that.");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AWaitingCustomerHearsOnlyTheirAdmissionThenGetsTheHistory(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var id = scenario.SessionId;
        var (waitingId, waitingToken) = await SessionSeeder.AddCustomerAsync(scenario.Host, id, AdmissionState.Pending);
        var (otherId, _) = await SessionSeeder.AddCustomerAsync(scenario.Host, id, AdmissionState.Pending);
        await using var waiting = await HubClient.ConnectAsync(scenario.Host.BaseAddress, waitingToken);

        var joined = await waiting.JoinAsync(id);
        joined.Should().BeEquivalentTo(new { Admission = "pending", Events = Array.Empty<CovisorEvent>(), Agent = new AgentInfo(null, "Ana") });
        await Refused(waiting.ChatAsync(id, "hola"), "The agent has not let you in yet.");
        await scenario.Agent.ChatAsync(id, "solo para admitidos");
        await scenario.Customer.InvokeAsync("Typing", id, true);
        await AdmitAsync(scenario, otherId, AdmissionState.Rejected);
        await AdmitAsync(scenario, waitingId, AdmissionState.Admitted);

        var admission = await waiting.Events.WaitAsync(() => waiting.Events.Arrivals, a => a.Count >= 1);
        admission.Should().ContainSingle().Which.DataAs<AdmissionChanged>().Should().Be(new AdmissionChanged(waitingId, "admitted"));
        waiting.Events.Typing.Should().BeEmpty();
        var history = (await waiting.JoinAsync(id)).Events;
        history.Select(e => e.Kind).Should().Equal(EventKinds.ChatMessage, EventKinds.Admission, EventKinds.Admission);
        (await waiting.ChatAsync(id, "ya estoy")).Should().Be(4);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task EndingTheSessionCutsTheCustomerOffAndTheirTokenNoLongerConnects(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var id = scenario.SessionId;

        await scenario.Agent.InvokeAsync("EndSession", id);

        (await scenario.Agent.Events.WaitForKindAsync(id, EventKinds.SessionEnded)).DataAs<SessionEnded>().Reason.Should().Be("ended-by-agent");
        await scenario.Customer.Closed.WaitAsync(TimeSpan.FromSeconds(30));
        await Refused(scenario.Agent.ChatAsync(id, "¿sigues?"), "This session has ended.");
        await Refused(scenario.Agent.InvokeAsync("EndSession", id), "This session has ended.");
        var reconnect = () => HubClient.ConnectAsync(scenario.Host.BaseAddress, scenario.Session.CustomerToken);
        (await reconnect.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AConnectionWhoseTokenIsRevokedIsCutOffAtItsNextCall(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind,
            new Dictionary<string, string?> { ["Hub:AccessCacheDuration"] = "00:00:00" });
        var (id, participantId) = (scenario.SessionId, scenario.Session.ParticipantId);
        await using var customer = await HubClient.ConnectAsync(scenario.Host.BaseAddress, scenario.Session.CustomerToken);
        await customer.ChatAsync(id, "antes");
        var tokenId = await scenario.Host.Services.GetRequiredService<RedisSessionStore>().FindTokenAsync(id, participantId)
            .WaitAsync(TimeSpan.FromSeconds(30));

        await scenario.Host.Services.GetRequiredService<PinCovisor.Web.Auth.RedisAccessTokens>().RevokeAsync(tokenId!)
            .WaitAsync(TimeSpan.FromSeconds(30));

        await Refused(customer.ChatAsync(id, "después"), "Your access has ended; sign in or join again.");
        await customer.Closed.WaitAsync(TimeSpan.FromSeconds(30));
        (await scenario.Agent.Events.WaitForCountAsync(id, 1)).Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ARejectedDeviceIsDisconnected(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var (participantId, token) = await SessionSeeder.AddCustomerAsync(scenario.Host, scenario.SessionId, AdmissionState.Pending);
        await using var stranger = await HubClient.ConnectAsync(scenario.Host.BaseAddress, token);

        await AdmitAsync(scenario, participantId, AdmissionState.Rejected);

        await stranger.Closed.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AForeignOriginIsRefusedWith403WhileOwnAndConfiguredOriginsConnect(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind,
            new Dictionary<string, string?> { ["Hub:AllowedOrigins:0"] = "https://shop.example" });
        var (address, token) = (scenario.Host.BaseAddress, scenario.Session.CustomerToken);

        var foreign = () => HubClient.ConnectAsync(address, token, origin: "https://evil.example");
        (await foreign.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await using var shop = await HubClient.ConnectAsync(address, token, origin: "https://SHOP.example/");
        await using var own = await HubClient.ConnectAsync(address, token, origin: address.GetLeftPart(UriPartial.Authority));
        (await shop.JoinAsync(scenario.SessionId)).Admission.Should().Be("admitted");
        (await own.JoinAsync(scenario.SessionId)).Admission.Should().Be("admitted");
    }

    internal static async Task AdmitAsync(HubScenario scenario, string participantId, AdmissionState admission)
    {
        // What the waiting-room endpoint does: change the store, then tell the session.
        var services = scenario.Host.Services;
        var timeout = TimeSpan.FromSeconds(30);
        var participant = await services.GetRequiredService<RedisSessionStore>()
            .SetAdmissionAsync(scenario.SessionId, participantId, admission).WaitAsync(timeout);
        var session = await services.GetRequiredService<RedisSessionStore>().GetAsync(scenario.SessionId).WaitAsync(timeout);
        await services.GetRequiredService<ISessionNotifier>().AdmissionChangedAsync(session!, participant!).WaitAsync(timeout);
    }
}
