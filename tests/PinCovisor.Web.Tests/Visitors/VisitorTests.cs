using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Tests.Ivr;
using PinCovisor.Web.Tests.Media;
using static PinCovisor.Web.Tests.Visitors.VisitorApi;

namespace PinCovisor.Web.Tests.Visitors;

[Collection(RedisCollection.Name)]
public sealed class VisitorTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = VisitorApi.Timeout;

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task HeartbeatsOfAnOpenPageKeepTheVisitorLiveWithoutCountingPagesSeen(RedisServerKind kind)
    {
        await using var host = StartShop(servers, kind);
        using var widget = ClientFor(host);
        using var agent = ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));

        var (id, key, _) = await StartVisitAsync(widget, "https://shop.example/", "Home");
        for (var i = 0; i < 3; i++)
        {
            await PageViewAsync(widget, new { visitorId = id, visitorKey = key, url = "https://shop.example/", title = "Home", heartbeat = true });
        }

        Find(await ListAsync(agent), id)!.Value.GetProperty("pageViews").GetInt64().Should().Be(1, "one page load, however long it stays open");
        await PageViewAsync(widget, new { visitorId = id, visitorKey = key, url = "https://shop.example/lamps", title = "Lamps" });
        await PageViewAsync(widget, new { visitorId = id, visitorKey = key, url = "https://shop.example/lamps", title = "Lamps", heartbeat = true });
        var listed = Find(await ListAsync(agent), id)!.Value;
        listed.GetProperty("pageViews").GetInt64().Should().Be(2);
        listed.GetProperty("url").GetString().Should().Be("https://shop.example/lamps");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task FirstPageViewMintsAnIdAndKeyAndLaterOnesUpdateWhatAgentsSee(RedisServerKind kind)
    {
        await using var host = StartShop(servers, kind);
        using var widget = ClientFor(host);
        using var agent = ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));

        var (id, key, first) = await StartVisitAsync(widget, "https://shop.example/", "Home");
        var second = await PageViewAsync(widget, new { visitorId = id, visitorKey = key, url = "https://shop.example/shoes", title = "Shoes\u0007\n" });
        var listed = Find(await ListAsync(agent), id);

        id.Should().MatchRegex("^v_[A-Za-z0-9_-]{22}$");
        key.Should().HaveLength(43);
        first.GetProperty("invitation").ValueKind.Should().Be(JsonValueKind.Null);
        second.GetProperty("visitorId").GetString().Should().Be(id);
        second.TryGetProperty("visitorKey", out _).Should().BeFalse();
        second.GetProperty("invitation").ValueKind.Should().Be(JsonValueKind.Null);
        listed.Should().NotBeNull();
        listed!.Value.GetProperty("url").GetString().Should().Be("https://shop.example/shoes");
        listed.Value.GetProperty("title").GetString().Should().Be("Shoes");
        listed.Value.GetProperty("device").GetString().Should().Be("Firefox on Linux");
        listed.Value.GetProperty("pageViews").GetInt64().Should().Be(2);
        listed.Value.GetProperty("invited").GetBoolean().Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task WrongKeyIsTheSame404AsAnUnknownVisitor(RedisServerKind kind)
    {
        await using var host = StartShop(servers, kind);
        using var widget = ClientFor(host);
        var (id, _, _) = await StartVisitAsync(widget, "https://shop.example/");
        var (_, otherKey, _) = await StartVisitAsync(widget, "https://shop.example/");

        using var wrongKey = await PostPageViewAsync(widget, new { visitorId = id, visitorKey = otherKey, url = "https://shop.example/a" });
        using var unknown = await PostPageViewAsync(widget, new { visitorId = "v_AAAAAAAAAAAAAAAAAAAAAA", visitorKey = otherKey, url = "https://shop.example/a" });

        var wrongDetail = await wrongKey.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var unknownDetail = await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        wrongDetail.Should().Be(unknownDetail);
    }

    [Fact]
    public async Task VisitorsOlderThanTheLiveWindowDisappearFromTheList()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = StartShop(servers, RedisServerKind.Garnet, services: s => s.AddSingleton<TimeProvider>(clock));
        using var widget = ClientFor(host);
        using var agent = ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));
        var (stale, _, _) = await StartVisitAsync(widget, "https://shop.example/old");
        clock.Advance(TimeSpan.FromMinutes(1));
        var (fresh, _, _) = await StartVisitAsync(widget, "https://shop.example/new");

        var before = await ListAsync(agent);
        clock.Advance(TimeSpan.FromSeconds(61));
        var after = await ListAsync(agent);

        before.Select(v => v.GetProperty("visitorId").GetString()).Should().Equal(fresh, stale);
        after.Select(v => v.GetProperty("visitorId").GetString()).Should().Equal(fresh);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task InvitedVisitorGetsAWorkingTokenOnceOnTheirNextPageView(RedisServerKind kind)
    {
        await using var host = StartShop(servers, kind);
        using var widget = ClientFor(host);
        using var agent = ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));
        var (id, key, _) = await StartVisitAsync(widget, "https://shop.example/");
        var visitor = new { visitorId = id, visitorKey = key };

        using var invite = await agent.PostAsync($"/api/visitors/{visitor.visitorId}/invite", null).WaitAsync(Timeout);
        var inviteText = await invite.Content.ReadAsStringAsync().WaitAsync(Timeout);
        using var again = await agent.PostAsync($"/api/visitors/{visitor.visitorId}/invite", null).WaitAsync(Timeout);
        var listed = Find(await ListAsync(agent), visitor.visitorId);
        var delivered = await PageViewAsync(widget, new { visitor.visitorId, visitor.visitorKey, url = "https://shop.example/b" });
        var following = await PageViewAsync(widget, new { visitor.visitorId, visitor.visitorKey, url = "https://shop.example/c" });

        invite.StatusCode.Should().Be(HttpStatusCode.Created, inviteText);
        var sessionId = JsonDocument.Parse(inviteText).RootElement.GetProperty("sessionId").GetString()!;
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        listed!.Value.GetProperty("invited").GetBoolean().Should().BeTrue();
        var invitation = delivered.GetProperty("invitation");
        invitation.GetProperty("sessionId").GetString().Should().Be(sessionId);
        invitation.GetProperty("agent").GetProperty("displayName").GetString().Should().Be("Ana");
        invitation.GetProperty("admission").GetString().Should().Be("pending");
        following.GetProperty("invitation").ValueKind.Should().Be(JsonValueKind.Null);

        // The waiting room, as for any joiner: the agent sees the visitor arrive and lets them in.
        using var customer = ClientFor(host, invitation.GetProperty("token").GetString()!);
        (await AdmissionAsync(customer, sessionId)).Should().Be("pending");
        var waiting = (await GetJsonAsync(agent, $"/api/sessions/{sessionId}")).GetProperty("participants").EnumerateArray().Single();
        waiting.GetProperty("device").GetString().Should().Be("Firefox on Linux");
        using var admit = await agent.PostAsync(
            $"/api/sessions/{sessionId}/participants/{waiting.GetProperty("id").GetString()}/admit", null).WaitAsync(Timeout);
        admit.IsSuccessStatusCode.Should().BeTrue(await admit.Content.ReadAsStringAsync().WaitAsync(Timeout));
        (await AdmissionAsync(customer, sessionId)).Should().Be("admitted");
    }

    [Fact]
    public async Task WithVisitorsAdmissionAutoAnInvitedVisitorIsAdmittedAtOnce()
    {
        await using var host = StartShop(servers, RedisServerKind.Garnet, new Dictionary<string, string?> { ["Visitors:Admission"] = "Auto" });
        using var widget = ClientFor(host);
        using var agent = ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));
        var (id, key, _) = await StartVisitAsync(widget, "https://shop.example/");
        using var invite = await agent.PostAsync($"/api/visitors/{id}/invite", null).WaitAsync(Timeout);

        var delivered = await PageViewAsync(widget, new { visitorId = id, visitorKey = key, url = "https://shop.example/b" });

        var invitation = delivered.GetProperty("invitation");
        invitation.GetProperty("admission").GetString().Should().Be("admitted");
        using var customer = ClientFor(host, invitation.GetProperty("token").GetString()!);
        (await AdmissionAsync(customer, invitation.GetProperty("sessionId").GetString()!)).Should().Be("admitted");
    }

    [Fact]
    public async Task AnInvitationWhoseSessionClosedBeforeThePageViewLetsNobodyIn()
    {
        await using var host = StartShop(servers, RedisServerKind.Garnet);
        using var widget = ClientFor(host);
        using var agent = ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));
        var (id, key, _) = await StartVisitAsync(widget, "https://shop.example/");
        using var invite = await agent.PostAsync($"/api/visitors/{id}/invite", null).WaitAsync(Timeout);
        var sessionId = (await invite.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(Timeout)).GetProperty("sessionId").GetString()!;
        await host.Services.GetRequiredService<PinCovisor.Web.Sessions.RedisSessionStore>().CloseAsync(sessionId).WaitAsync(Timeout);

        var next = await PageViewAsync(widget, new { visitorId = id, visitorKey = key, url = "https://shop.example/b" });

        next.GetProperty("invitation").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task TheLiveIndexKeepsOnlyTheLiveWindowsNewestVisitorsAndExpiresWithoutAnyoneListingIt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = StartShop(servers, RedisServerKind.Garnet, new Dictionary<string, string?> { ["Visitors:MaxListed"] = "3" },
            s => s.AddSingleton<TimeProvider>(clock));
        using var widget = ClientFor(host);
        var db = host.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>().GetDatabase();
        var index = (StackExchange.Redis.RedisKey)"pb:visitors:live";
        var (old, _, _) = await StartVisitAsync(widget, "https://shop.example/old");
        clock.Advance(TimeSpan.FromMinutes(3));

        var fresh = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            fresh.Add((await StartVisitAsync(widget, $"https://shop.example/{i}")).Id);
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        var kept = (await db.SortedSetRangeByRankAsync(index).WaitAsync(Timeout)).Select(v => (string)v!).ToList();
        var ttl = await db.KeyTimeToLiveAsync(index).WaitAsync(Timeout);
        kept.Should().Equal(fresh.Skip(2));
        kept.Should().NotContain(old);
        ttl.Should().NotBeNull().And.BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(2));
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path).WaitAsync(Timeout);
        var text = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string?> AdmissionAsync(HttpClient customer, string sessionId) =>
        (await GetJsonAsync(customer, $"/api/sessions/{sessionId}")).GetProperty("admission").GetString();

    [Fact]
    public async Task InvitingAnUnknownVisitorIs404()
    {
        await using var host = StartShop(servers, RedisServerKind.Garnet);
        using var agent = ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));

        using var response = await agent.PostAsync("/api/visitors/v_AAAAAAAAAAAAAAAAAAAAAA/invite", null).WaitAsync(Timeout);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnonymousCannotListOrInviteVisitors()
    {
        await using var host = StartShop(servers, RedisServerKind.Garnet);
        using var anonymous = ClientFor(host);

        using var list = await anonymous.GetAsync("/api/visitors").WaitAsync(Timeout);
        using var invite = await anonymous.PostAsync("/api/visitors/v_AAAAAAAAAAAAAAAAAAAAAA/invite", null).WaitAsync(Timeout);

        list.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        invite.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/relative/page")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://shop.example/file")]
    [InlineData("")]
    public async Task PageViewWithoutAnAbsoluteHttpUrlIs400(string url)
    {
        await using var host = StartShop(servers, RedisServerKind.Garnet);
        using var widget = ClientFor(host);

        using var response = await PostPageViewAsync(widget, new { url });
        using var longTitle = await PostPageViewAsync(widget, new { url = "https://shop.example/", title = new string('x', 201) });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await longTitle.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TooManyPageViewsInAMinuteAre429WithRetryAfter()
    {
        await using var host = StartShop(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["Visitors:MaxPageViewsPerMinute"] = "3" });
        using var widget = ClientFor(host);
        var (id, key, _) = await StartVisitAsync(widget, "https://shop.example/");
        var visitor = new { visitorId = id, visitorKey = key, url = "https://shop.example/x" };
        await PageViewAsync(widget, visitor);
        await PageViewAsync(widget, visitor);

        using var response = await PostPageViewAsync(widget, visitor);

        await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
    }

    [Fact]
    public async Task TooManyNewVisitorsFromOneAddressAre429WithRetryAfter()
    {
        await using var host = StartShop(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["Visitors:MaxNewVisitorsPerMinute"] = "2" });
        using var widget = ClientFor(host);
        var (id, key, _) = await StartVisitAsync(widget, "https://shop.example/");
        await StartVisitAsync(widget, "https://shop.example/");

        using var third = await PostPageViewAsync(widget, new { url = "https://shop.example/" });
        var known = await PageViewAsync(widget, new { visitorId = id, visitorKey = key, url = "https://shop.example/y" });

        await third.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        third.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        known.GetProperty("visitorId").GetString().Should().Be(id);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AVisitorWhoseWidgetIsInASessionIsListedAsSuchAndCannotBeInvitedUntilItLeaves(RedisServerKind kind)
    {
        await using var host = StartShop(servers, kind);
        using var widget = ClientFor(host);
        using var agent = ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));
        var (id, key, _) = await StartVisitAsync(widget, "https://shop.example/");

        await PageViewAsync(widget, new { visitorId = id, visitorKey = key, url = "https://shop.example/lamps", inSession = true });
        var busy = Find(await ListAsync(agent), id);
        using var refused = await agent.PostAsync($"/api/visitors/{id}/invite", null).WaitAsync(Timeout);
        await PageViewAsync(widget, new { visitorId = id, visitorKey = key, url = "https://shop.example/lamps" });
        var free = Find(await ListAsync(agent), id);
        using var invited = await agent.PostAsync($"/api/visitors/{id}/invite", null).WaitAsync(Timeout);

        busy!.Value.GetProperty("inSession").GetBoolean().Should().BeTrue();
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Should().Contain("already in a session");
        free!.Value.GetProperty("inSession").GetBoolean().Should().BeFalse("the widget left its session");
        invited.StatusCode.Should().Be(HttpStatusCode.Created);
    }
}
