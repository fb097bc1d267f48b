using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Tests.Hub;

namespace PinCovisor.Web.Tests.Security;

/// <summary>
/// A dead credential (logout, disabled agent, turned-away device, ended session) cuts every hub
/// connection opened with it within 2 s, on every host, even one that only listens. Each test
/// proves the idle connection was receiving, kills the credential, waits 2 s, and then checks that
/// a push still reaching the others did not reach it and that it is closed.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class CredentialDeathTests(RedisServers servers)
{
    private const string Password = "correct horse battery";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ALoggedOutAgentsIdleConnectionsByBearerAndByCookieReceiveNothingTwoSecondsLater(RedisServerKind kind)
    {
        var username = AgentHosts.NewUsername("ana");
        await using var host = AgentHosts.Start(servers, kind, AgentHosts.Agent(2, username, Password, displayName: "Ana"));
        var session = await SessionSeeder.SeedAsync(host, agent: username);
        using var leaving = await AgentClient.LogInAsync(host, username, Password);
        using var staying = await AgentClient.LogInAsync(host, username, Password);
        await using var bearer = await HubClient.ConnectAsync(host.BaseAddress, leaving.Token);
        await using var cookie = await HubClient.ConnectWithCookieAsync(host.BaseAddress, leaving.CookieHeader);
        await using var otherLogin = await HubClient.ConnectAsync(host.BaseAddress, staying.Token);
        await using var customer = await HubClient.ConnectAsync(host.BaseAddress, session.CustomerToken);
        var listeners = new[] { bearer, cookie, otherLogin };
        await JoinAndHearAsync(session.SessionId, customer, listeners);

        using var loggedOut = await leaving.Api.PostAsync("/api/agents/logout", null).WaitAsync(Timeout);
        loggedOut.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await Task.Delay(Promise);
        var after = await customer.ChatAsync(session.SessionId, "¿sigue ahí?");

        await otherLogin.Events.WaitForAsync(session.SessionId, e => e.Any(x => x.Seq == after), Timeout);
        AssertCut(session.SessionId, after, bearer, cookie);
        await Reconnecting(() => HubClient.ConnectWithCookieAsync(host.BaseAddress, leaving.CookieHeader)).Should().ThrowAsync<HttpRequestException>();
        await Reconnecting(() => HubClient.ConnectAsync(host.BaseAddress, leaving.Token)).Should().ThrowAsync<HttpRequestException>();
        otherLogin.Connection.State.Should().Be(HubConnectionState.Connected, "only the login that logged out died");
    }

    [Fact]
    public async Task AnAgentDisabledByAnAdminLosesItsConnectionsOnBothHostsSharingOneRedis()
    {
        var (username, admin) = (AgentHosts.NewUsername("ana"), AgentHosts.NewUsername("admin"));
        var settings = AgentHosts.Agent(2, username, Password, displayName: "Ana");
        foreach (var (key, value) in AgentHosts.Agent(3, admin, Password, isAdmin: true))
        {
            settings[key] = value;
        }

        await using var first = AgentHosts.Start(servers, RedisServerKind.Redis, settings);
        await using var second = AgentHosts.Start(servers, RedisServerKind.Redis, settings);
        var session = await SessionSeeder.SeedAsync(first, agent: username);
        var (_, laptopToken) = await SessionSeeder.AddCustomerAsync(first, session.SessionId);
        using var agent = await AgentClient.LogInAsync(first, username, Password);
        using var boss = await AgentClient.LogInAsync(first, admin, Password);
        await using var onFirst = await HubClient.ConnectAsync(first.BaseAddress, agent.Token);
        await using var consoleOnSecond = await HubClient.ConnectWithCookieAsync(second.BaseAddress, agent.CookieHeader);
        await using var customer = await HubClient.ConnectAsync(second.BaseAddress, session.CustomerToken);
        await using var laptop = await HubClient.ConnectAsync(first.BaseAddress, laptopToken);
        await JoinAndHearAsync(session.SessionId, customer, onFirst, consoleOnSecond, laptop);

        using var disabled = await boss.Api.PutAsJsonAsync($"/api/admin/agents/{username}/disabled", new { disabled = true }).WaitAsync(Timeout);
        disabled.StatusCode.Should().Be(HttpStatusCode.OK);
        await Task.Delay(Promise);
        var after = await customer.ChatAsync(session.SessionId, "¿hola?");

        await laptop.Events.WaitForAsync(session.SessionId, e => e.Any(x => x.Seq == after), Timeout);
        AssertCut(session.SessionId, after, onFirst, consoleOnSecond);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ATurnedAwayDevicesIdleConnectionIsCutWhileTheCustomersOtherDeviceStays(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var id = scenario.SessionId;
        var (intruderId, intruderToken) = await SessionSeeder.AddCustomerAsync(scenario.Host, id, device: "Chrome on Windows");
        await using var intruder = await HubClient.ConnectAsync(scenario.Host.BaseAddress, intruderToken);
        await JoinAndHearAsync(id, scenario.Agent, scenario.Customer, intruder);

        var api = new SessionsApi(scenario.Host.CreateLoopbackClient());
        using var rejected = await api.PostAsync($"/api/sessions/{id}/participants/{intruderId}/reject", scenario.Session.AgentToken);
        rejected.StatusCode.Should().Be(HttpStatusCode.OK);
        await Task.Delay(Promise);
        var after = await scenario.Agent.ChatAsync(id, "solo para el cliente");

        await scenario.Customer.Events.WaitForAsync(id, e => e.Any(x => x.Seq == after), Timeout);
        AssertCut(id, after, intruder);
        await Reconnecting(() => HubClient.ConnectAsync(scenario.Host.BaseAddress, intruderToken)).Should().ThrowAsync<HttpRequestException>();
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task EndingTheSessionCutsEveryCustomerDeviceAndTheAgentStays(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var id = scenario.SessionId;
        var (_, phoneToken) = await SessionSeeder.AddCustomerAsync(scenario.Host, id);
        await using var phone = await HubClient.ConnectAsync(scenario.Host.BaseAddress, phoneToken);
        await JoinAndHearAsync(id, scenario.Agent, scenario.Customer, phone);

        await scenario.Agent.InvokeAsync("EndSession", id);
        await Task.Delay(Promise);

        scenario.Customer.Closed.IsCompleted.Should().BeTrue("2 s after the end the customer's connection is closed");
        phone.Closed.IsCompleted.Should().BeTrue("and so is their idle second device's");
        await Reconnecting(() => HubClient.ConnectAsync(scenario.Host.BaseAddress, phoneToken)).Should().ThrowAsync<HttpRequestException>();
        scenario.Agent.Connection.State.Should().Be(HubConnectionState.Connected, "the agent keeps the console and the transcript");
    }

    /// <summary>Everyone joins; a first chat reaches every listener, so silence later means something.</summary>
    private static async Task JoinAndHearAsync(string sessionId, HubClient sender, params HubClient[] listeners)
    {
        foreach (var client in listeners.Append(sender))
        {
            await client.JoinAsync(sessionId);
        }

        var before = await sender.ChatAsync(sessionId, "¿me oyen todos?");
        foreach (var listener in listeners)
        {
            await listener.Events.WaitForAsync(sessionId, e => e.Any(x => x.Seq == before), Timeout);
        }
    }

    private static void AssertCut(string sessionId, long seq, params HubClient[] cut)
    {
        foreach (var client in cut)
        {
            client.Events.Arrivals.Should().NotContain(e => e.SessionId == sessionId && e.Seq == seq,
                "2 s after its credential died a connection receives nothing");
            client.Closed.IsCompleted.Should().BeTrue("2 s after its credential died the connection is closed");
        }
    }

    private static Func<Task> Reconnecting(Func<Task<HubClient>> connect) => async () =>
    {
        await using var client = await connect();
    };
}
