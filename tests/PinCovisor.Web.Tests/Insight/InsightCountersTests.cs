using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Insight;
using PinCovisor.Web.Tests.Sessions;

namespace PinCovisor.Web.Tests.Insight;

[Collection(RedisCollection.Name)]
public sealed class InsightCountersTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, string?> AnaIsAdmin = new() { ["Agents:0:IsAdmin"] = "true" };

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task EachStepOfACallersWayCountsOnceFromItsRealPath(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind, AnaIsAdmin);
        var ana = await SessionSeeder.AgentTokenAsync(host.Host, "ana");
        var call = await Caller.CallAsync(host.Twilio);
        // Twilio retries the first webhook: the same call, the same PIN, no second count.
        await host.Twilio.TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(call.CallSid));
        await Caller.AnswerAsync(host.Twilio, call.CallSid, "+34600000001");
        using (var page = await host.Api.GetAsync("/join", null))
        using (var deviceLink = await host.Api.GetAsync("/join?device=abc", null))
        {
            page.StatusCode.Should().Be(HttpStatusCode.OK);
            deviceLink.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        host.Clock.Advance(TimeSpan.FromSeconds(25));
        var joined = await host.Api.JoinedAsync(call.Pin);
        var participant = (await host.Get<PinCovisor.Web.Sessions.RedisSessionStore>().ListParticipantsAsync(joined.SessionId).WaitAsync(Timeout)).Single();
        using (var admitted = await host.Api.PostAsync($"/api/sessions/{joined.SessionId}/participants/{participant.Id}/admit", ana))
        {
            admitted.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await using var customer = await HubClient.ConnectAsync(host.Host.BaseAddress, joined.Token);
        await using var agent = await HubClient.ConnectAsync(host.Host.BaseAddress, ana);
        await customer.JoinAsync(joined.SessionId);
        await agent.JoinAsync(joined.SessionId);
        await customer.ChatAsync(joined.SessionId, "Hola, no encuentro la talla");
        host.Clock.Advance(TimeSpan.FromSeconds(7));
        await agent.ChatAsync(joined.SessionId, "Te la enseño ahora");
        await customer.ChatAsync(joined.SessionId, "Gracias");
        await agent.ChatAsync(joined.SessionId, "De nada");

        var report = await ReportAsync(host, ana);
        var totals = report.GetProperty("totals");
        foreach (var (name, expected) in new[] { ("pinsIssued", 1), ("pageOpened", 1), ("pinTyped", 1), ("admitted", 1), ("firstMessage", 1), ("visualCalls", 1) })
        {
            totals.GetProperty(name).GetInt64().Should().Be(expected, name);
        }

        totals.GetProperty("visualShare").GetDouble().Should().Be(1);
        Buckets(totals.GetProperty("timeToJoin")).Should().Equal([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0], "25 s is in the 20–30 s bucket");
        Buckets(totals.GetProperty("firstResponse")).Should().Equal([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "7 s is in the 5–10 s bucket");
        totals.GetProperty("timeToJoin").GetProperty("p50Seconds").GetDouble().Should().Be(30, "one join: the rank is the bucket's upper edge");
        // Other tests' survey answers on the shared database may add rows for their own agents.
        var agents = report.GetProperty("agents").EnumerateArray().Where(a => a.GetProperty("sessions").GetInt64() > 0).ToList();
        agents.Should().ContainSingle();
        agents[0].GetProperty("agent").GetString().Should().Be("ana");
        agents[0].GetProperty("channel").GetString().Should().Be("voice");
        agents[0].GetProperty("sessions").GetInt64().Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheCsvHasADayRowPerDayAndChannelAndAnAgentRowWithTheCsatAnswers(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind, AnaIsAdmin);
        var ana = await SessionSeeder.AgentTokenAsync(host.Host, "ana");
        var counters = host.Get<InsightCounters>();
        var now = host.Clock.GetUtcNow();
        await counters.RecordCsatAsync("ana", InsightChannels.WhatsApp, 5, now).WaitAsync(Timeout);
        await counters.RecordCsatAsync("ana", InsightChannels.WhatsApp, 3, now).WaitAsync(Timeout);
        await counters.RecordCsatAsync(null, InsightChannels.Web, 1, now).WaitAsync(Timeout);
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var keptFor = await host.Get<StackExchange.Redis.IConnectionMultiplexer>().GetDatabase().KeyTimeToLiveAsync(InsightKeys.Day(day)).WaitAsync(Timeout);
        keptFor.Should().BeGreaterThan(TimeSpan.FromDays(400)).And.BeLessThanOrEqualTo(TimeSpan.FromDays(401), "Insight:KeepDays after the day ends");

        using var response = await host.Api.GetAsync(
            $"/api/admin/insight.csv?from={day.AddDays(-1):yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}", ana);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = (await response.Content.ReadAsStringAsync().WaitAsync(Timeout)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        header.Should().Equal(InsightCsv.Header.Split(','));
        header.Should().HaveCount(26);
        lines.Skip(1).Select(l => l.Split(',')).Should().AllSatisfy(cells => cells.Should().HaveCount(26));
        var dayRows = lines.Where(l => l.StartsWith("day,", StringComparison.Ordinal)).ToList();
        dayRows.Should().HaveCount(3 * 4);
        dayRows.Select(l => l.Split(',')[2]).Distinct().Should().Equal("voice", "web", "whatsapp", "sms");
        host.Host.Logs.Lines.Should().NotContain(l => l.Contains("was not recorded", StringComparison.Ordinal));
        var agentRows = lines.Where(l => l.StartsWith("agent,", StringComparison.Ordinal)).Select(l => l.Split(',')).ToList();
        var anas = agentRows.Single(r => r[3] == "ana");
        anas[2].Should().Be("whatsapp");
        anas[Column(header, "csat_count")].Should().Be("2");
        anas[Column(header, "csat_sum")].Should().Be("8");
        anas[Column(header, "csat_average")].Should().Be("4");
        anas[Column(header, "csat_3")].Should().Be("1");
        anas[Column(header, "csat_5")].Should().Be("1");
        agentRows.Single(r => r[3] == "")[Column(header, "csat_1")].Should().Be("1", "an answer with nobody in charge has no agent");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task OnlyAdminsReadInsightAndBadRangesAreProblems(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind, AnaIsAdmin);
        var ana = await SessionSeeder.AgentTokenAsync(host.Host, "ana");
        var bruno = await SessionSeeder.AgentTokenAsync(host.Host, "bruno");

        foreach (var path in new[] { "/api/admin/insight", "/api/admin/insight.csv" })
        {
            using var anonymous = await host.Api.GetAsync(path, null);
            using var notAdmin = await host.Api.GetAsync(path, bruno);
            anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            notAdmin.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            notAdmin.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }

        foreach (var query in new[] { "from=2026-05-10&to=2026-05-01", "from=2026-01-01&to=2026-06-30", "from=10/05/2026", "to=2026-02-30", "channel=fax" })
        {
            using var bad = await host.Api.GetAsync($"/api/admin/insight?{query}", ana);
            using var badCsv = await host.Api.GetAsync($"/api/admin/insight.csv?{query}", ana);
            bad.StatusCode.Should().Be(HttpStatusCode.BadRequest, query);
            bad.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            badCsv.StatusCode.Should().Be(HttpStatusCode.BadRequest, query);
        }

        var report = await ReportAsync(host, ana, "");
        report.GetProperty("days").GetArrayLength().Should().Be(14, "no range is the last 14 days");
        report.GetProperty("to").GetString().Should().Be($"{DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}");
    }

    private static int Column(string[] header, string name) => Array.IndexOf(header, name);

    private static long[] Buckets(JsonElement times) => [.. times.GetProperty("buckets").EnumerateArray().Select(b => b.GetInt64())];

    private static async Task<JsonElement> ReportAsync(SessionHost host, string token, string? query = null)
    {
        var day = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        query ??= $"from={day.AddDays(-1):yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}";
        using var response = await host.Api.GetAsync($"/api/admin/insight?{query}", token);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync().WaitAsync(Timeout));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync().WaitAsync(Timeout)).RootElement.Clone();
    }
}
