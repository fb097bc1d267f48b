using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Agents;

[Collection(RedisCollection.Name)]
public sealed class AdminAgentTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnAdminCreatesAnAgentWhoCanLogInAndWhomTheIvrThenRings(RedisServerKind kind)
    {
        var (host, admin) = await StartWithAdminAsync(kind);
        await using var _ = host;
        using var __ = admin;
        var username = AgentHosts.NewUsername("new");
        var number = AgentHosts.NewPhoneNumber();

        using var created = await admin.Api.PostAsJsonAsync("/api/admin/agents", new
        {
            username, displayName = "Carmen", password = "carmen-password-1", phoneNumbers = new[] { number }, clientIdentity = "carmen_" + username[^8..], isAdmin = false,
        }).WaitAsync(Timeout);
        using var carmen = await AgentClient.LogInAsync(host, username, "carmen-password-1");
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var route = await twilio.TwiMLAsync("/twilio/voice/route?attempt=1", TwilioCaller.InboundCall(TwilioCaller.NewCallSid()));
        var listed = await admin.Api.GetFromJsonAsync<JsonArray>("/api/admin/agents").WaitAsync(Timeout);

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().Be($"/api/admin/agents/{username}");
        var view = (await created.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout))!;
        view["origin"]!.GetValue<string>().Should().Be("admin");
        view.ContainsKey("password").Should().BeFalse();
        view.ToJsonString().Should().NotContain("carmen-password-1");
        route.Verbs("Number").Select(n => n.Value).Should().Contain(number);
        route.Verbs("Client").Select(n => n.Value).Should().Contain("carmen_" + username[^8..]);
        listed!.Select(a => a!["username"]!.GetValue<string>()).Should().Contain([username, "ana", "bruno"]);
        (await carmen.Api.GetFromJsonAsync<JsonObject>("/api/agents/me").WaitAsync(Timeout))!["displayName"]!.GetValue<string>().Should().Be("Carmen");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task DisablingAnAgentRevokesTheirTokenAndCookieStopsTheirLoginAndTheirPhone(RedisServerKind kind)
    {
        var username = AgentHosts.NewUsername();
        var number = AgentHosts.NewPhoneNumber();
        var (host, admin) = await StartWithAdminAsync(kind, AgentHosts.Agent(3, username, password: "soon-disabled", phoneNumber: number));
        await using var _ = host;
        using var __ = admin;
        using var agent = await AgentClient.LogInAsync(host, username, "soon-disabled");
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var before = await twilio.TwiMLAsync("/twilio/voice/route?attempt=1", TwilioCaller.InboundCall(TwilioCaller.NewCallSid()));

        using var disable = await admin.Api.PutAsJsonAsync($"/api/admin/agents/{username}/disabled", new { disabled = true }).WaitAsync(Timeout);
        using var byBearer = await agent.Api.GetAsync("/api/agents/me").WaitAsync(Timeout);
        using var byCookie = await agent.Browser.GetAsync("/api/agents/me").WaitAsync(Timeout);
        using var http = host.CreateLoopbackClient();
        using var login = await AgentClient.PostLoginAsync(http, username, "soon-disabled", AgentHosts.NewClientAddress());
        var after = await twilio.TwiMLAsync("/twilio/voice/route?attempt=1", TwilioCaller.InboundCall(TwilioCaller.NewCallSid()));

        disable.StatusCode.Should().Be(HttpStatusCode.OK);
        (await disable.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout))!["disabled"]!.GetValue<bool>().Should().BeTrue();
        byBearer.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        byCookie.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        login.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        before.Verbs("Number").Select(n => n.Value).Should().Contain(number);
        after.Verbs("Number").Select(n => n.Value).Should().NotContain(number);
    }

    [Fact]
    public async Task ReEnablingAnAgentLetsThemLogInAgain()
    {
        var username = AgentHosts.NewUsername();
        var (host, admin) = await StartWithAdminAsync(RedisServerKind.Garnet, AgentHosts.Agent(3, username, password: "back-again-pw"));
        await using var _ = host;
        using var __ = admin;

        using var off = await admin.Api.PutAsJsonAsync($"/api/admin/agents/{username}/disabled", new { disabled = true }).WaitAsync(Timeout);
        using var on = await admin.Api.PutAsJsonAsync($"/api/admin/agents/{username}/disabled", new { disabled = false }).WaitAsync(Timeout);
        using var agent = await AgentClient.LogInAsync(host, username, "back-again-pw");

        off.StatusCode.Should().Be(HttpStatusCode.OK);
        on.StatusCode.Should().Be(HttpStatusCode.OK);
        (await agent.Api.GetAsync("/api/agents/me").WaitAsync(Timeout)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task InvalidInputIs400DuplicatesAre409AndUnknownAgentsAre404()
    {
        var (host, admin) = await StartWithAdminAsync(RedisServerKind.Garnet);
        await using var _ = host;
        using var __ = admin;

        using var invalid = await admin.Api.PostAsJsonAsync("/api/admin/agents", new
        {
            username = "no spaces!", displayName = "", password = "short", phoneNumbers = new[] { "600 11 12 22" }, clientIdentity = "bad identity",
        }).WaitAsync(Timeout);
        using var duplicate = await admin.Api.PostAsJsonAsync("/api/admin/agents", new
        {
            username = "bruno", displayName = "Another Bruno", password = "long-enough-password",
        }).WaitAsync(Timeout);
        using var sameNumber = await admin.Api.PostAsJsonAsync("/api/admin/agents", new
        {
            username = AgentHosts.NewUsername(), displayName = "Copycat", password = "long-enough-password", phoneNumbers = new[] { "+34 600 000 001" },
        }).WaitAsync(Timeout);
        using var unknown = await admin.Api.PutAsJsonAsync($"/api/admin/agents/{AgentHosts.NewUsername()}/disabled", new { disabled = true })
            .WaitAsync(Timeout);
        using var self = await admin.Api.PutAsJsonAsync($"/api/admin/agents/{admin.Username}/disabled", new { disabled = true }).WaitAsync(Timeout);
        using var noFlag = await admin.Api.PutAsJsonAsync("/api/admin/agents/bruno/disabled", new { }).WaitAsync(Timeout);

        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout))!["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().BeEquivalentTo(["username", "displayName", "password", "phoneNumbers", "clientIdentity"]);
        duplicate.StatusCode.Should().Be(HttpStatusCode.Conflict);
        sameNumber.StatusCode.Should().Be(HttpStatusCode.Conflict);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        self.StatusCode.Should().Be(HttpStatusCode.Conflict);
        noFlag.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        foreach (var response in new[] { invalid, duplicate, sameNumber, unknown, self, noFlag })
        {
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }
    }

    [Fact]
    public async Task AgentsWhoAreNotAdminsGet403FromTheAdminApi()
    {
        await using var host = AgentHosts.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?> { ["Agents:0:Password"] = "ana-dev-password" });
        using var ana = await AgentClient.LogInAsync(host, "ana", "ana-dev-password");

        using var list = await ana.Api.GetAsync("/api/admin/agents").WaitAsync(Timeout);
        using var create = await ana.Api.PostAsJsonAsync("/api/admin/agents", new { username = "x" }).WaitAsync(Timeout);
        using var disable = await ana.Browser.PutAsJsonAsync("/api/admin/agents/bruno/disabled", new { disabled = true }).WaitAsync(Timeout);

        foreach (var response in new[] { list, create, disable })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }
    }

    // redis-server only: the embedded Garnet lives and dies with its host, so a second host would start empty.
    [Fact]
    public async Task ANewHostKeepsAnAdminsChangeToAConfiguredAgentButFollowsConfigurationForUneditedOnes()
    {
        var edited = AgentHosts.NewUsername("edited");
        var untouched = AgentHosts.NewUsername("untouched");
        var admin = AgentHosts.NewUsername("admin");
        var settings = Merge(
            AgentHosts.Agent(2, admin, password: "admin-password", isAdmin: true),
            AgentHosts.Agent(3, edited, password: "edited-password"),
            AgentHosts.Agent(4, untouched, password: "old-password", displayName: "Old Name"));
        await using (var first = AgentHosts.Start(servers, RedisServerKind.Redis, settings))
        {
            using var adminClient = await AgentClient.LogInAsync(first, admin, "admin-password");
            using var disable = await adminClient.Api.PutAsJsonAsync($"/api/admin/agents/{edited}/disabled", new { disabled = true }).WaitAsync(Timeout);
            disable.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        settings["Agents:4:DisplayName"] = "New Name";
        settings["Agents:4:Password"] = "new-password";
        await using var second = AgentHosts.Start(servers, RedisServerKind.Redis, settings);
        using var http = second.CreateLoopbackClient();

        using var editedLogin = await AgentClient.PostLoginAsync(http, edited, "edited-password", AgentHosts.NewClientAddress());
        using var oldPassword = await AgentClient.PostLoginAsync(http, untouched, "old-password", AgentHosts.NewClientAddress());
        using var newLogin = await AgentClient.LogInAsync(second, untouched, "new-password");

        editedLogin.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the admin disabled this agent and configuration does not undo that");
        oldPassword.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await newLogin.Api.GetFromJsonAsync<JsonObject>("/api/agents/me").WaitAsync(Timeout))!["displayName"]!.GetValue<string>()
            .Should().Be("New Name");
    }

    private async Task<(PinCovisorHost Host, AdminClient Admin)> StartWithAdminAsync(
        RedisServerKind kind, Dictionary<string, string?>? more = null)
    {
        var username = AgentHosts.NewUsername("admin");
        var host = AgentHosts.Start(servers, kind, Merge(AgentHosts.Agent(2, username, password: "admin-password", isAdmin: true), more ?? []));
        return (host, new AdminClient(username, await AgentClient.LogInAsync(host, username, "admin-password")));
    }

    private static Dictionary<string, string?> Merge(params Dictionary<string, string?>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    private sealed class AdminClient(string username, AgentClient client) : IDisposable
    {
        public string Username => username;

        public HttpClient Api => client.Api;

        public void Dispose() => client.Dispose();
    }
}
