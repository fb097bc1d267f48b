using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Agents;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Agents;

/// <summary>Two hosts sharing one redis-server, as a shop with several web servers runs.</summary>
[Collection(RedisCollection.Name)]
public sealed class TwoHostTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AnAgentCreatedOnOneHostIsRungByTheOtherHostAfterItsNextRefresh()
    {
        var admin = AgentHosts.NewUsername("admin");
        var settings = AgentHosts.Agent(2, admin, password: "admin-password", isAdmin: true);
        settings["AgentLogin:DirectoryRefresh"] = "00:00:00.200";
        await using var first = AgentHosts.Start(servers, RedisServerKind.Redis, settings);
        await using var second = AgentHosts.Start(servers, RedisServerKind.Redis, settings);
        using var client = await AgentClient.LogInAsync(first, admin, "admin-password");
        var number = AgentHosts.NewPhoneNumber();
        var twilio = new TwilioCaller(second.CreateLoopbackClient());

        using var created = await client.Api.PostAsJsonAsync("/api/admin/agents", new
        {
            username = AgentHosts.NewUsername(), displayName = "Elena", password = "elena-password", phoneNumbers = new[] { number },
        }).WaitAsync(Timeout);
        var rung = false;
        for (var attempt = 0; attempt < 150 && !rung; attempt++)
        {
            var route = await twilio.TwiMLAsync("/twilio/voice/route?attempt=1", TwilioCaller.InboundCall(TwilioCaller.NewCallSid()));
            rung = route.Verbs("Number").Any(n => n.Value == number);
            if (!rung)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        rung.Should().BeTrue("the second host re-reads the accounts every 200 ms");
    }

    [Fact]
    public async Task TheConsoleCookieFromOneHostIsAcceptedByTheOtherBecauseTheyShareTheKeyRingInRedis()
    {
        var username = AgentHosts.NewUsername();
        var settings = AgentHosts.Agent(2, username, password: "roaming-password");
        await using var first = AgentHosts.Start(servers, RedisServerKind.Redis, settings);
        await using var second = AgentHosts.Start(servers, RedisServerKind.Redis, settings);
        using var agent = await AgentClient.LogInAsync(first, username, "roaming-password");
        using var onSecond = second.CreateLoopbackClient();
        onSecond.DefaultRequestHeaders.Add("Cookie", agent.CookieHeader);

        using var me = await onSecond.GetAsync("/api/agents/me").WaitAsync(Timeout);

        me.StatusCode.Should().Be(HttpStatusCode.OK);
        var redis = second.Services.GetRequiredService<IConnectionMultiplexer>();
        (await redis.GetDatabase().ListLengthAsync(AgentsExtensions.DataProtectionKeys).WaitAsync(Timeout)).Should().BePositive();
    }
}
