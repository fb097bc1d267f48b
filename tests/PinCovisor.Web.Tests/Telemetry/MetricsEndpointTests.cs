using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.SignalR;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Telemetry;

[Collection(RedisCollection.Name)]
public sealed class MetricsEndpointTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly string ScrapeToken = RandomNumberGenerator.GetHexString(40, lowercase: true);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnonymousOrWrongTokenScrapesAreRefusedAsProblemDetails(RedisServerKind kind)
    {
        await using var host = Start(kind);
        using var http = host.CreateLoopbackClient();

        using var anonymous = await http.GetAsync(new Uri("/metrics", UriKind.Relative)).WaitAsync(Timeout);
        using var wrong = await ScrapeAsync(http, "/metrics", RandomNumberGenerator.GetHexString(40, lowercase: true));

        foreach (var refused in new[] { anonymous, wrong })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            refused.Headers.WwwAuthenticate.Should().ContainSingle(h => h.Scheme == "Bearer");
            (await refused.Content.ReadAsStringAsync().WaitAsync(Timeout)).Should().Contain("Metrics:ScrapeToken").And.NotContain("phonebridge_");
        }
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnAgentWhoIsNoAdminIsForbiddenAndAnAdminReadsTheMetrics(RedisServerKind kind)
    {
        var agent = AgentHosts.NewUsername("plain");
        var admin = AgentHosts.NewUsername("admin");
        var settings = AgentHosts.Agent(2, agent, "plain-password-1234")
            .Concat(AgentHosts.Agent(3, admin, "admin-password-1234", isAdmin: true))
            .ToDictionary(p => p.Key, p => p.Value);
        await using var host = AgentHosts.Start(servers, kind, settings);
        using var plain = await AgentClient.LogInAsync(host, agent, "plain-password-1234");
        using var boss = await AgentClient.LogInAsync(host, admin, "admin-password-1234");

        using var forbidden = await plain.Browser.GetAsync(new Uri("/metrics", UriKind.Relative)).WaitAsync(Timeout);
        using var allowed = await boss.Browser.GetAsync(new Uri("/metrics", UriKind.Relative)).WaitAsync(Timeout);

        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        forbidden.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        allowed.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        PrometheusText.Parse(await allowed.Content.ReadAsStringAsync().WaitAsync(Timeout)).TypeOf("phonebridge_hub_connections")
            .Should().BeNull("no hub connection was ever opened on this host");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheTokensScrapeCountsASignedCallARejectedSignatureAndTwoJoins(RedisServerKind kind)
    {
        await using var host = Start(kind);
        using var http = host.CreateLoopbackClient();
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var sessions = new SessionsApi(host.CreateLoopbackClient());

        var call = await Caller.CallAsync(twilio);
        using var forged = await twilio.PostAsync("/twilio/voice", TwilioCaller.InboundCall(TwilioCaller.NewCallSid()), signature: "forged");
        await sessions.JoinedAsync(call.Pin);
        using var again = await sessions.JoinAsync(call.Pin);
        using var response = await ScrapeAsync(http, "/metrics", ScrapeToken);

        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        again.StatusCode.Should().NotBe(HttpStatusCode.OK, "a PIN is good for one join");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        response.Content.Headers.ContentType.Parameters.Should().ContainSingle(p => p.Name == "version").Which.Value.Should().Be("0.0.4");
        var scrape = PrometheusText.Parse(await response.Content.ReadAsStringAsync().WaitAsync(Timeout));
        scrape.TypeOf("phonebridge_twilio_webhooks_total").Should().Be("counter");
        scrape.Value("phonebridge_twilio_webhooks_total", ("twilio_endpoint", "/twilio/voice/"), ("twilio_outcome", "ok")).Should().Be(1);
        scrape.Value("phonebridge_twilio_webhooks_total", ("twilio_endpoint", "/twilio/voice/"), ("twilio_outcome", "signature_rejected"))
            .Should().Be(1);
        scrape.TypeOf("phonebridge_twilio_webhook_duration_seconds").Should().Be("histogram");
        scrape.Value("phonebridge_twilio_webhook_duration_seconds_count", ("twilio_endpoint", "/twilio/voice/"), ("twilio_outcome", "ok"))
            .Should().Be(1);
        scrape.Value("phonebridge_pins_issued_total", ("pin_kind", "new")).Should().Be(1);
        scrape.TypeOf("phonebridge_join_attempts_total").Should().Be("counter");
        scrape.Value("phonebridge_join_attempts_total", ("join_method", "pin"), ("join_outcome", "pending")).Should().Be(1);
        scrape.Value("phonebridge_join_attempts_total", ("join_method", "pin"), ("join_outcome", "refused")).Should().Be(1);
        scrape.Value("phonebridge_join_duration_seconds_count", ("join_method", "pin"), ("join_outcome", "refused")).Should().Be(1);
        scrape.Names.Should().Contain("http_server_request_duration_seconds_count", "ASP.NET Core's own meters are exported too");
        var text = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);
        text.Should().NotContain(call.Pin).And.NotContain(call.CallSid).And.NotContain("+34600111222");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task HubCallsAreCountedByMethodAndOutcomeAndConnectionsByRoleUntilTheyClose(RedisServerKind kind)
    {
        await using var host = Start(kind);
        using var http = host.CreateLoopbackClient();
        var seeded = await SessionSeeder.SeedAsync(host);
        await using var agent = await HubClient.ConnectAsync(host.BaseAddress, seeded.AgentToken);
        var customer = await HubClient.ConnectAsync(host.BaseAddress, seeded.CustomerToken);

        await customer.JoinAsync(seeded.SessionId);
        await customer.ChatAsync(seeded.SessionId, "Hello");
        var empty = () => customer.ChatAsync(seeded.SessionId, "   ");
        await empty.Should().ThrowAsync<HubException>();
        var open = await ScrapedAsync(http);
        await customer.DisposeAsync();
        var closed = await ScrapedUntilAsync(http, s => s.Value("phonebridge_hub_connections", ("hub_role", "customer")) == 0);

        open.TypeOf("phonebridge_hub_connections").Should().Be("gauge");
        open.Value("phonebridge_hub_connections", ("hub_role", "customer")).Should().Be(1);
        open.Value("phonebridge_hub_connections", ("hub_role", "agent")).Should().Be(1);
        open.Value("phonebridge_hub_invocations_total", ("hub_method", "JoinSession"), ("hub_outcome", "ok")).Should().Be(1);
        open.Value("phonebridge_hub_invocations_total", ("hub_method", "SendChat"), ("hub_outcome", "ok")).Should().Be(1);
        open.Value("phonebridge_hub_invocations_total", ("hub_method", "SendChat"), ("hub_outcome", "refused")).Should().Be(1);
        open.Value("phonebridge_hub_invocation_duration_seconds_count", ("hub_method", "SendChat"), ("hub_outcome", "ok")).Should().Be(1);
        closed.Value("phonebridge_hub_connections", ("hub_role", "agent")).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheMetricsPortServesTheScrapeWithoutCredentialsWhileTheMainPortStillAsksForThem(RedisServerKind kind)
    {
        var port = LoopbackPorts.Unused();
        await using var host = Start(kind, new() { ["Metrics:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        await Caller.CallAsync(twilio);
        using var http = new HttpClient { Timeout = Timeout };

        using var open = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/metrics")).WaitAsync(Timeout);
        using var main = await host.CreateLoopbackClient().GetAsync(new Uri("/metrics", UriKind.Relative)).WaitAsync(Timeout);

        open.StatusCode.Should().Be(HttpStatusCode.OK);
        var scrape = PrometheusText.Parse(await open.Content.ReadAsStringAsync().WaitAsync(Timeout));
        scrape.Value("phonebridge_pins_issued_total", ("pin_kind", "new")).Should().Be(1);
        main.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task WithMetricsOffThereIsNoScrapeAndCallsAndJoinsWorkAsBefore(RedisServerKind kind)
    {
        await using var host = Start(kind, new() { ["Metrics:Enabled"] = "false" });
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var sessions = new SessionsApi(host.CreateLoopbackClient());

        var call = await Caller.CallAsync(twilio);
        var joined = await sessions.JoinedAsync(call.Pin);
        using var scrape = await ScrapeAsync(host.CreateLoopbackClient(), "/metrics", ScrapeToken);

        joined.Admission.Should().Be("pending");
        scrape.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("Metrics:ScrapeToken", "too-short-to-be-a-secret")]
    [InlineData("Metrics:Port", "70000")]
    [InlineData("Metrics:Address", "localhost")]
    public void InvalidMetricsSettingsStopTheHostNamingTheKey(string key, string value)
    {
        StartRefusal.ShouldStopNaming(servers, key, new Dictionary<string, string?> { [key] = value });
    }

    private PinCovisorHost Start(RedisServerKind kind, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? [])
        {
            ["Metrics:ScrapeToken"] = ScrapeToken,
            [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value,
        };
        return Ivr.HostFactory.Start(servers, kind, all);
    }

    private static Task<PrometheusText> ScrapedAsync(HttpClient http) => PrometheusText.ScrapeAsync(http, ScrapeToken);

    // The host handles a closed connection after the client has let go of it.
    private static async Task<PrometheusText> ScrapedUntilAsync(HttpClient http, Func<PrometheusText, bool> condition)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            var scrape = await ScrapedAsync(http);
            if (condition(scrape))
            {
                return scrape;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }

    private static async Task<HttpResponseMessage> ScrapeAsync(HttpClient http, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request).WaitAsync(Timeout);
    }
}
