using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Csat;

namespace PinCovisor.Web.Tests.Csat;

[Collection(RedisCollection.Name)]
public sealed class CsatWebTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACustomerRatesTheEndedSessionOnceAndAdminsSeeItUnderTheAgent(RedisServerKind kind)
    {
        await using var scenario = await CsatScenario.StartAsync(servers, kind);

        var (customer, agent) = await scenario.EndAsync();
        var token = customer.GetProperty("csatToken").GetString();
        using var answered = await scenario.AnswerAsync(new { token, score = 4, comment = "<b>Muy</b> amable" });
        using var again = await scenario.AnswerAsync(new { token, score = 1 });
        using var admin = await scenario.AdminAsync();
        var report = await admin.Api.GetFromJsonAsync<CsatReport>("/api/admin/csat").WaitAsync(Timeout);
        var list = await admin.Api.GetFromJsonAsync<CsatResponseList>($"/api/admin/csat/responses?agent={scenario.Agent}").WaitAsync(Timeout);

        token.Should().NotBeNullOrEmpty();
        customer.GetProperty("csatMaxComment").GetInt32().Should().Be(500);
        agent.TryGetProperty("csatToken", out _).Should().BeFalse("agents never receive the customer's survey token");
        answered.StatusCode.Should().Be(HttpStatusCode.NoContent);
        again.StatusCode.Should().Be(HttpStatusCode.Gone);
        again.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await again.Content.ReadAsStringAsync().WaitAsync(Timeout)).Should().Contain("rated already");
        var mine = report!.Agents.Should().ContainSingle(a => a.Agent == scenario.Agent).Subject;
        mine.Responses.Should().Be(1);
        mine.Average.Should().Be(4);
        mine.Scores.Should().Equal(new Dictionary<string, long> { ["1"] = 0, ["2"] = 0, ["3"] = 0, ["4"] = 1, ["5"] = 0 });
        mine.ByChannel.Should().ContainKey("voice").WhoseValue.Should().Be(new CsatChannelResult(1, 4));
        list!.Responses.Should().ContainSingle().Which.Should().Match<CsatResponse>(r =>
            r.SessionId == scenario.SessionId && r.Score == 4 && r.Comment == "<b>Muy</b> amable" && r.Channel == "voice");
    }

    [Fact]
    public async Task AnAnswerAfterTheResponseWindowIsRefusedAsGone()
    {
        var clock = new FakeTimeProvider(TestClock.RandomInstantAhead());
        await using var scenario = await CsatScenario.StartAsync(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["Csat:ResponseWindow"] = "02:00:00" }, s => s.AddSingleton<TimeProvider>(clock));
        var (customer, _) = await scenario.EndAsync();
        var token = customer.GetProperty("csatToken").GetString();

        clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        using var late = await scenario.AnswerAsync(new { token, score = 5 });

        late.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await late.Content.ReadAsStringAsync().WaitAsync(Timeout)).Should().Contain("survey has closed");
    }

    [Fact]
    public async Task BadScoresLongCommentsAndUnknownTokensAreRefusedWithProblemDetails()
    {
        await using var scenario = await CsatScenario.StartAsync(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["Csat:MaxComment"] = "10" });
        var (customer, _) = await scenario.EndAsync();
        var token = customer.GetProperty("csatToken").GetString();

        using var zero = await scenario.AnswerAsync(new { token, score = 0 });
        using var six = await scenario.AnswerAsync(new { token, score = 6 });
        using var none = await scenario.AnswerAsync(new { token });
        using var wordy = await scenario.AnswerAsync(new { token, score = 3, comment = new string('a', 11) });
        using var forged = await scenario.AnswerAsync(new { token = "CfDJ8" + new string('x', 60), score = 3 });
        using var fits = await scenario.AnswerAsync(new { token, score = 3, comment = new string('a', 10) });

        foreach (var refused in new[] { zero, six, none, wordy })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }

        forged.StatusCode.Should().Be(HttpStatusCode.NotFound);
        fits.StatusCode.Should().Be(HttpStatusCode.NoContent, "the refused tries left the one answer free");
    }

    [Fact]
    public async Task ResultsAreForAdminsOnlyAndBadRangesAreProblems()
    {
        await using var scenario = await CsatScenario.StartAsync(servers, RedisServerKind.Garnet);
        using var admin = await scenario.AdminAsync();
        using var customer = scenario.Hub.Host.CreateLoopbackClient();
        customer.DefaultRequestHeaders.Authorization = new("Bearer", scenario.Hub.Session.CustomerToken);

        using var backwards = await admin.Api.GetAsync("/api/admin/csat?from=2026-12-05&to=2026-12-01").WaitAsync(Timeout);
        using var garbled = await admin.Api.GetAsync("/api/admin/csat/responses?from=yesterday").WaitAsync(Timeout);
        using var tooLong = await admin.Api.GetAsync("/api/admin/csat?from=2020-01-01&to=2026-01-01").WaitAsync(Timeout);
        using var day = await admin.Api.GetAsync(string.Create(CultureInfo.InvariantCulture,
            $"/api/admin/csat?from={DateTime.UtcNow:yyyy-MM-dd}&to={DateTime.UtcNow:yyyy-MM-dd}")).WaitAsync(Timeout);
        using var notAdmin = await customer.GetAsync("/api/admin/csat").WaitAsync(Timeout);

        foreach (var refused in new[] { backwards, garbled, tooLong })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }

        day.StatusCode.Should().Be(HttpStatusCode.OK);
        notAdmin.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized);
        JsonDocument.Parse(await day.Content.ReadAsStringAsync().WaitAsync(Timeout)).RootElement.GetProperty("agents").ValueKind
            .Should().Be(JsonValueKind.Array);
    }

    [Fact]
    public async Task PurgingRemovesAnswersOlderThanTheCutoffWithTheirDayTotals()
    {
        var clock = new FakeTimeProvider(TestClock.RandomInstantAhead());
        await using var scenario = await CsatScenario.StartAsync(servers, RedisServerKind.Garnet, services: s => s.AddSingleton<TimeProvider>(clock));
        var (customer, _) = await scenario.EndAsync();
        using var answered = await scenario.AnswerAsync(new { token = customer.GetProperty("csatToken").GetString(), score = 2 });
        var store = scenario.Hub.Host.Services.GetRequiredService<CsatStore>();
        var day = CsatStore.Day(clock.GetUtcNow());
        var kept = await store.PurgeOlderThanAsync(clock.GetUtcNow().AddDays(-1)).WaitAsync(Timeout);
        var stillThere = await store.ReadAsync(scenario.SessionId).WaitAsync(Timeout);

        clock.Advance(TimeSpan.FromDays(3));
        await store.PurgeOlderThanAsync(clock.GetUtcNow().AddDays(-1)).WaitAsync(Timeout);

        answered.StatusCode.Should().Be(HttpStatusCode.NoContent);
        kept.Should().Be(0);
        stillThere.Should().NotBeNull();
        (await store.ReadAsync(scenario.SessionId).WaitAsync(Timeout)).Should().BeNull();
        (await store.TotalsAsync(day, day).WaitAsync(Timeout)).Should().BeEmpty();
        (await store.ListAsync(scenario.Agent, clock.GetUtcNow().AddDays(-10), clock.GetUtcNow()).WaitAsync(Timeout)).Should().BeEmpty();
    }
}
