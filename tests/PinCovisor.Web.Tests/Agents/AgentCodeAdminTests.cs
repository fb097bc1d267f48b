using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Agents;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Agents;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Agents;

/// <summary>Agent codes set through the admin API or configuration: stored only as a keyed hash, never shown or logged.</summary>
[Collection(RedisCollection.Name)]
public sealed class AgentCodeAdminTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnAdminSetsAnAgentCodeThatTheAgentLineAcceptsAndRedisHoldsOnlyItsKeyedHash(RedisServerKind kind)
    {
        var (host, admin, agent, number) = await StartAsync(kind);
        await using var _ = host;
        using var __ = admin;

        using var set = await admin.Api.PutAsJsonAsync($"/api/admin/agents/{agent}/code", new { code = "730192648" }).WaitAsync(Timeout);
        var listed = await admin.Api.GetStringAsync("/api/admin/agents").WaitAsync(Timeout);
        var line = await TakeFromQueueAsync(host, number, "730192648");

        set.StatusCode.Should().Be(HttpStatusCode.OK);
        (await set.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout))!["hasCode"]!.GetValue<bool>().Should().BeTrue();
        listed.Should().NotContain("730192648");
        line.Verbs("Queue").Should().ContainSingle("the code works on the agent line at once");
        var stored = (string?)await host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase()
            .HashGetAsync(AgentKeys.Account(agent), "code").WaitAsync(Timeout);
        AgentCodes.IsHash(stored).Should().BeTrue();
        stored.Should().Be(host.Services.GetRequiredService<AgentCodes>().Hash(agent, "730192648"));
        host.Logs.Lines.Should().NotContain(l => l.Contains("730192648", StringComparison.Ordinal) || l.Contains(stored!, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AGuessableOrMalformedCodeIsRefusedAndNullRemovesTheCode(RedisServerKind kind)
    {
        var (host, admin, agent, number) = await StartAsync(kind, configuredCode: "5018273");
        await using var _ = host;
        using var __ = admin;
        var before = await TakeFromQueueAsync(host, number, "5018273");

        var refused = new List<HttpStatusCode>();
        foreach (var code in new[] { "123456", "000000", "12a456", "12345", "12345678901" })
        {
            using var response = await admin.Api.PutAsJsonAsync($"/api/admin/agents/{agent}/code", new { code }).WaitAsync(Timeout);
            refused.Add(response.StatusCode);
            (await response.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout))!["errors"]!["code"].Should().NotBeNull();
        }

        using var unknown = await admin.Api.PutAsJsonAsync("/api/admin/agents/nobody-here/code", new { code = "730192648" }).WaitAsync(Timeout);
        using var removed = await admin.Api.PutAsJsonAsync($"/api/admin/agents/{agent}/code", new { code = (string?)null }).WaitAsync(Timeout);
        var after = await TakeFromQueueAsync(host, number, "5018273");

        before.Verbs("Queue").Should().ContainSingle("a code from configuration works");
        refused.Should().OnlyContain(s => s == HttpStatusCode.BadRequest);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        removed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await removed.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout))!["hasCode"]!.GetValue<bool>().Should().BeFalse();
        after.Verbs("Queue").Should().BeEmpty("without a code the agent cannot take calls from a phone");
        (await host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase()
            .HashGetAsync(AgentKeys.Account(agent), "edited").WaitAsync(Timeout)).ToString().Should().Be("1", "configuration no longer overrides the account");
    }

    private async Task<(PinCovisorHost Host, AgentClient Admin, string Agent, string Number)> StartAsync(RedisServerKind kind, string? configuredCode = null)
    {
        var adminName = AgentHosts.NewUsername("admin");
        var agent = AgentHosts.NewUsername("coded");
        var number = AgentHosts.NewPhoneNumber();
        var settings = AgentHosts.Agent(2, adminName, password: "admin-password", isAdmin: true);
        foreach (var (key, value) in AgentHosts.Agent(3, agent, phoneNumber: number))
        {
            settings[key] = value;
        }

        settings["Agents:3:Code"] = configuredCode;
        settings["Ivr:Routing"] = "Enqueue";
        var host = AgentHosts.Start(servers, kind, settings);
        return (host, await AgentClient.LogInAsync(host, adminName, "admin-password"), agent, number);
    }

    // The agent calls the agent line from their phone and keys the code.
    private static async Task<System.Xml.Linq.XDocument> TakeFromQueueAsync(PinCovisorHost host, string number, string code)
    {
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        List<KeyValuePair<string, string>> leg = [new("CallSid", TwilioCaller.NewCallSid()), new("From", number), new("To", "+34910000099")];
        await twilio.TwiMLAsync("/twilio/voice/agent", leg);
        return await twilio.TwiMLAsync("/twilio/voice/agent/code?try=1", [.. leg, new("Digits", code)]);
    }
}
