using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;

namespace PinCovisor.Web.Tests.Agents;

[Collection(RedisCollection.Name)]
public sealed class AgentLoginTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task LoggingInWithTheConfiguredDevelopmentPasswordGivesACookieAndABearerThatBothWork(RedisServerKind kind)
    {
        await using var host = AgentHosts.Start(servers, kind, new Dictionary<string, string?> { ["Agents:0:Password"] = "ana-dev-password" });
        using var http = host.CreateLoopbackClient();

        using var response = await AgentClient.PostLoginAsync(http, "ana", "ana-dev-password");
        var login = await response.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout);
        using var agent = await AgentClient.LogInAsync(host, "ana", "ana-dev-password");
        var byCookie = await agent.Browser.GetFromJsonAsync<JsonObject>("/api/agents/me").WaitAsync(Timeout);
        var byBearer = await agent.Api.GetFromJsonAsync<JsonObject>("/api/agents/me").WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        login!["token"]!.GetValue<string>().Should().StartWith("pbt_");
        login["agent"]!.ToJsonString().Should().Be("""{"username":"ana","displayName":"Ana","isAdmin":false}""");
        login["expiresAt"]!.GetValue<DateTimeOffset>().Should().BeAfter(DateTimeOffset.UtcNow.AddHours(11));
        response.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("pb_agent=", StringComparison.Ordinal)
            && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
        byCookie!.ToJsonString().Should().Be("""{"username":"ana","displayName":"Ana","isAdmin":false}""");
        byBearer!.ToJsonString().Should().Be(byCookie.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AWrongPasswordAnUnknownUsernameAndADisabledAgentGetTheSame401Problem(RedisServerKind kind)
    {
        var disabled = AgentHosts.NewUsername();
        var settings = AgentHosts.Agent(2, disabled, password: "disabled-password");
        settings["Agents:2:Disabled"] = "true";
        settings["Agents:0:Password"] = "ana-dev-password";
        await using var host = AgentHosts.Start(servers, kind, settings);
        using var http = host.CreateLoopbackClient();
        var client = AgentHosts.NewClientAddress();

        using var wrongPassword = await AgentClient.PostLoginAsync(http, "ana", "not-her-password", client);
        using var unknownUser = await AgentClient.PostLoginAsync(http, AgentHosts.NewUsername(), "ana-dev-password", client);
        using var disabledAgent = await AgentClient.PostLoginAsync(http, disabled, "disabled-password", client);

        foreach (var refused in new[] { wrongPassword, unknownUser, disabledAgent })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            refused.Headers.Contains("Set-Cookie").Should().BeFalse();
        }

        var bodies = await Task.WhenAll(new[] { wrongPassword, unknownUser, disabledAgent }.Select(WithoutTraceIdAsync));
        bodies.Distinct().Should().ContainSingle()
            .Which.Should().Be("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.2","title":"Login refused","status":401,"detail":"Wrong username or password."}""");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AfterFiveFailuresForOneUsernameFromOneClientEvenTheRightPasswordFromThatClientGets429WithRetryAfter(RedisServerKind kind)
    {
        await using var host = AgentHosts.Start(servers, kind, new Dictionary<string, string?> { ["Agents:0:Password"] = "ana-dev-password" });
        using var http = host.CreateLoopbackClient();
        var attacker = AgentHosts.NewClientAddress();

        var failures = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await AgentClient.PostLoginAsync(http, "ana", "guess-" + i, attacker);
            failures.Add(failed.StatusCode);
        }

        using var throttled = await AgentClient.PostLoginAsync(http, "ana", "ana-dev-password", attacker);
        using var elsewhere = await AgentClient.PostLoginAsync(http, "ana", "ana-dev-password", AgentHosts.NewClientAddress());

        failures.Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        throttled.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var retryAfter = throttled.Headers.RetryAfter!.Delta!.Value;
        retryAfter.Should().BePositive().And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(15));
        elsewhere.StatusCode.Should().Be(HttpStatusCode.OK, "the throttle holds one client back, not the agent's other devices");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AfterTwentyFailuresOverManyUsernamesOneClientGets429ForEveryUsername(RedisServerKind kind)
    {
        await using var host = AgentHosts.Start(servers, kind, new Dictionary<string, string?> { ["Agents:0:Password"] = "ana-dev-password" });
        using var http = host.CreateLoopbackClient();
        var attacker = AgentHosts.NewClientAddress();

        var failures = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var failed = await AgentClient.PostLoginAsync(http, AgentHosts.NewUsername(), "guess-" + i, attacker);
            failures.Add(failed.StatusCode);
        }

        using var throttled = await AgentClient.PostLoginAsync(http, "ana", "ana-dev-password", attacker);

        failures.Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "a client spraying usernames is held back as a whole");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task LoggingOutEndsTheCookieAndTheBearerOfThatLogin(RedisServerKind kind)
    {
        var username = AgentHosts.NewUsername();
        await using var host = AgentHosts.Start(servers, kind, AgentHosts.Agent(2, username, password: "a-dev-password"));
        using var agent = await AgentClient.LogInAsync(host, username, "a-dev-password");
        using var stolenCookie = new HttpClient { BaseAddress = host.BaseAddress, Timeout = Timeout };
        stolenCookie.DefaultRequestHeaders.Add("Cookie", agent.CookieHeader);

        using var logout = await agent.Browser.PostAsync("/api/agents/logout", null).WaitAsync(Timeout);
        using var byCookie = await agent.Browser.GetAsync("/api/agents/me").WaitAsync(Timeout);
        using var byCopiedCookie = await stolenCookie.GetAsync("/api/agents/me").WaitAsync(Timeout);
        using var byBearer = await agent.Api.GetAsync("/api/agents/me").WaitAsync(Timeout);

        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        byCookie.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        byCopiedCookie.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a copy of the cookie dies with the login, not only the browser's");
        byBearer.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnAgentConfiguredWithAPasswordHashLogsInWithThatPassword()
    {
        var username = AgentHosts.NewUsername();
        var hash = new PasswordHasher<object>().HashPassword(new object(), "from-a-hash-password");
        await using var host = AgentHosts.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?>
        {
            ["Agents:2:Username"] = username,
            ["Agents:2:DisplayName"] = "Hashed",
            ["Agents:2:PasswordHash"] = hash,
        });

        using var agent = await AgentClient.LogInAsync(host, username, "from-a-hash-password");
        var me = await agent.Api.GetFromJsonAsync<JsonObject>("/api/agents/me").WaitAsync(Timeout);

        me!["displayName"]!.GetValue<string>().Should().Be("Hashed");
    }

    [Fact]
    public async Task AnAgentWithoutAnyPasswordCannotLogIn()
    {
        await using var host = AgentHosts.Start(servers, RedisServerKind.Garnet);
        using var http = host.CreateLoopbackClient();

        using var response = await AgentClient.PostLoginAsync(http, "bruno", "", AgentHosts.NewClientAddress());
        using var guess = await AgentClient.PostLoginAsync(http, "bruno", "anything at all", AgentHosts.NewClientAddress());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        guess.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AgentEndpointsRefuseAnonymousCallers()
    {
        await using var host = AgentHosts.Start(servers, RedisServerKind.Garnet);
        using var http = host.CreateLoopbackClient();

        foreach (var path in new[] { "/api/agents/me", "/api/agents", "/api/calls/live", "/api/canned-replies", "/api/admin/agents" })
        {
            using var response = await http.GetAsync(path).WaitAsync(Timeout);
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, path);
        }
    }

    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync().WaitAsync(Timeout))!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString();
    }
}
