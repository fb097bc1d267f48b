using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Tests.Media;
using StackExchange.Redis;
using static PinCovisor.Web.Tests.Visitors.VisitorApi;

namespace PinCovisor.Web.Tests.Security;

/// <summary>
/// An anonymous client against <c>POST /api/visitors/pageview</c>: flooding it, guessing visitor
/// keys, reporting pages of other sites, and looking for the credentials an invitation carries.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class VisitorAttackTests(RedisServers servers)
{
    private const int Burst = 200;

    private static readonly TimeSpan Timeout = PinCovisor.Web.Tests.Visitors.VisitorApi.Timeout;

    private static readonly Dictionary<string, string?> TrustLoopback = new() { [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value };

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TwoHundredParallelNewVisitorsFromOneClientAreHeldToTheLimit(RedisServerKind kind)
    {
        await using var host = StartShop(servers, kind, TrustLoopback);
        using var http = ClientFor(host);
        var attacker = SessionsApi.RandomAddress();

        var answers = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => PostFromAsync(http, attacker, new { url = "https://shop.example/" })));

        answers.Count(a => a.Status == HttpStatusCode.OK).Should().Be(60, "Visitors:MaxNewVisitorsPerMinute is 60");
        answers.Where(a => a.Status != HttpStatusCode.OK).Should().OnlyContain(a => a.Status == HttpStatusCode.TooManyRequests && a.RetryAfter > 0);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TwoHundredParallelGuessesOfAVisitorsKeyGetAtMostTheLimitJudgedAndTheRightKeyAfterThemIsNotJudgedEither(RedisServerKind kind)
    {
        await using var host = StartShop(servers, kind, TrustLoopback);
        using var http = ClientFor(host);
        var (id, key, _) = await StartVisitAsync(http, "https://shop.example/");
        var attacker = SessionsApi.RandomAddress();

        var guesses = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ =>
            PostFromAsync(http, attacker, new { visitorId = id, visitorKey = Guid.NewGuid().ToString("N") + "0123456789a", url = "https://shop.example/" })));
        var rightKeyFromAttacker = await PostFromAsync(http, attacker, new { visitorId = id, visitorKey = key, url = "https://shop.example/" });
        var rightKeyFromVisitor = await PostFromAsync(http, SessionsApi.RandomAddress(), new { visitorId = id, visitorKey = key, url = "https://shop.example/" });

        guesses.Count(a => a.Status == HttpStatusCode.NotFound).Should().Be(20, "Visitors:MaxUnknownVisitorsPerMinute is 20");
        guesses.Where(a => a.Status != HttpStatusCode.NotFound).Should().OnlyContain(a => a.Status == HttpStatusCode.TooManyRequests && a.RetryAfter > 0);
        rightKeyFromAttacker.Status.Should().Be(HttpStatusCode.TooManyRequests, "the limit is checked before the key is");
        rightKeyFromVisitor.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AVisitorsOwnPageViewsDoNotUseUpItsClientsAllowanceForWrongKeys()
    {
        await using var host = StartShop(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?>(TrustLoopback) { ["Visitors:MaxUnknownVisitorsPerMinute"] = "2" });
        using var http = ClientFor(host);
        var office = SessionsApi.RandomAddress();
        var (id, key, _) = await StartVisitAsync(http, "https://shop.example/");

        var views = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            views.Add((await PostFromAsync(http, office, new { visitorId = id, visitorKey = key, url = "https://shop.example/" })).Status);
        }

        views.Should().OnlyContain(s => s == HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("https://evil.example/login", null)]
    [InlineData("https://shop.example.evil.example/", null)]
    [InlineData("http://shop.example/", null)]
    [InlineData("https://shop.example/", "https://evil.example")]
    [InlineData("https://shop.example/", "null")]
    public async Task PageViewsOfAnotherOriginAreRefusedAndNeverListed(string url, string? origin)
    {
        await using var host = StartShop(servers, RedisServerKind.Garnet);
        using var http = ClientFor(host);
        using var agent = ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/visitors/pageview") { Content = JsonContent.Create(new { url }) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await http.SendAsync(request).WaitAsync(Timeout);

        var detail = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        detail.Should().Contain("Hub:AllowedOrigins");
        (await ListAsync(agent)).Should().BeEmpty();
    }

    [Fact]
    public async Task AnInvitationLeavesNoBearerTokenInRedisAndNamesTheAgentByDisplayNameOnly()
    {
        var username = AgentHosts.NewUsername("inviter");
        await using var host = StartShop(servers, RedisServerKind.Garnet, AgentHosts.Agent(2, username, displayName: "Lucía"));
        using var widget = ClientFor(host);
        using var agent = ClientFor(host, await SessionSeeder.AgentTokenAsync(host, username));
        var (id, key, _) = await StartVisitAsync(widget, "https://shop.example/");

        using var invite = await agent.PostAsync($"/api/visitors/{id}/invite", null).WaitAsync(Timeout);
        var waiting = await EverythingInRedisAsync(host);
        using var delivery = await widget.PostAsJsonAsync("/api/visitors/pageview", new { visitorId = id, visitorKey = key, url = "https://shop.example/b" })
            .WaitAsync(Timeout);
        var answer = await delivery.Content.ReadAsStringAsync().WaitAsync(Timeout);
        var token = JsonDocument.Parse(answer).RootElement.GetProperty("invitation").GetProperty("token").GetString()!;
        var delivered = await EverythingInRedisAsync(host);

        invite.StatusCode.Should().Be(HttpStatusCode.Created);
        waiting.Should().NotContain("pbt_", "nothing waits in Redis that could be handed to a visitor as it is");
        delivered.Should().NotContain(token).And.NotContain("pbt_");
        answer.Should().Contain("\"displayName\":\"Lucía\"").And.NotContain(username);
    }

    private static async Task<(HttpStatusCode Status, double RetryAfter)> PostFromAsync(HttpClient http, string client, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/visitors/pageview") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", client);
        using var response = await http.SendAsync(request).WaitAsync(Timeout);
        return (response.StatusCode, response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0);
    }

    /// <summary>Every key and every value the host's own embedded store holds, as one text.</summary>
    private static async Task<string> EverythingInRedisAsync(PhoneBridge.Testing.Web.PinCovisorHost host)
    {
        var redis = host.Services.GetRequiredService<IConnectionMultiplexer>();
        var db = redis.GetDatabase();
        var all = new System.Text.StringBuilder();
        foreach (var key in await RedisScan.KeysAsync(redis))
        {
            all.Append((string?)key).Append('\n');
            var type = await db.KeyTypeAsync(key).WaitAsync(Timeout);
            IEnumerable<string?> values = type switch
            {
                RedisType.String => [(string?)await db.StringGetAsync(key).WaitAsync(Timeout)],
                RedisType.Hash => (await db.HashGetAllAsync(key).WaitAsync(Timeout)).SelectMany(e => new[] { (string?)e.Name, (string?)e.Value }),
                RedisType.Set => (await db.SetMembersAsync(key).WaitAsync(Timeout)).Select(v => (string?)v),
                RedisType.SortedSet => (await db.SortedSetRangeByRankAsync(key).WaitAsync(Timeout)).Select(v => (string?)v),
                RedisType.List => (await db.ListRangeAsync(key).WaitAsync(Timeout)).Select(v => (string?)v),
                _ => [],
            };
            all.AppendJoin('\n', values).Append('\n');
        }

        return all.ToString();
    }
}
