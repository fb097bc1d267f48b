using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Security;

/// <summary>
/// Claim by PIN is a PIN oracle for whoever holds an agent's login: a burst of parallel claims must
/// get no more judgements than the limit.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class ClaimAttackTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task FiftyParallelClaimsWithWrongPinsGetTenJudgementsAndTheRestA429(RedisServerKind kind)
    {
        var username = AgentHosts.NewUsername();
        await using var host = AgentHosts.Start(servers, kind, AgentHosts.Agent(2, username, password: "claimer-pw"));
        using var agent = await AgentClient.LogInAsync(host, username, "claimer-pw");
        var call = await Caller.CallAsync(new TwilioCaller(host.CreateLoopbackClient()));
        var wrong = Enumerable.Range(200_000, 51).Select(n => n.ToString(CultureInfo.InvariantCulture)).Where(p => p != call.Pin).Take(50);

        var answers = await Task.WhenAll(wrong.Select(pin => ClaimAsync(agent, pin)));
        var right = await ClaimAsync(agent, call.Pin);

        answers.Count(s => s == HttpStatusCode.NotFound).Should().Be(10);
        answers.Count(s => s == HttpStatusCode.TooManyRequests).Should().Be(40);
        right.Should().Be(HttpStatusCode.TooManyRequests, "a throttled claim does not look the PIN up");
    }

    private static async Task<HttpStatusCode> ClaimAsync(AgentClient agent, string pin)
    {
        using var response = await agent.Api.PostAsJsonAsync("/api/calls/claim", new { pin }).WaitAsync(Timeout);
        return response.StatusCode;
    }
}
