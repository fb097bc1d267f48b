using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Telemetry;

[Collection(RedisCollection.Name)]
public sealed class TraceTests(RedisServers servers)
{
    private const string RequestSpan = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheWebhooksAndTheJoinAreSpansInTheRequestsTraceWithTheirOutcomes(RedisServerKind kind)
    {
        using var spans = new SpanRecorder();
        var trace = ActivityTraceId.CreateRandom();
        await using var host = Ivr.HostFactory.Start(servers, kind,
            new Dictionary<string, string?> { [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value });
        using var traced = new HttpClient(new TraceParentHandler(trace)) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var twilio = new TwilioCaller(traced);

        var call = await Caller.CallAsync(twilio);
        using var forged = await twilio.PostAsync("/twilio/voice", TwilioCaller.InboundCall(TwilioCaller.NewCallSid()), signature: "forged");
        await new SessionsApi(traced).JoinedAsync(call.Pin);

        var webhooks = spans.Ended(trace, "twilio.webhook");
        webhooks.Select(w => w.GetTagItem("twilio.outcome")).Should().BeEquivalentTo(["ok", "signature_rejected"]);
        webhooks.Should().AllSatisfy(w =>
        {
            w.GetTagItem("twilio.endpoint").Should().Be("/twilio/voice/");
            w.Parent!.OperationName.Should().Be(RequestSpan, "the webhook's span sits in ASP.NET Core's span of the request");
        });
        webhooks.Single(w => "signature_rejected".Equals(w.GetTagItem("twilio.outcome"))).Status.Should().Be(ActivityStatusCode.Unset);
        var join = spans.Ended(trace, "join").Should().ContainSingle().Subject;
        join.GetTagItem("join.method").Should().Be("pin");
        join.GetTagItem("join.outcome").Should().Be("pending");
        join.Parent!.OperationName.Should().Be(RequestSpan);
        spans.Ended(trace, "join.redeem").Should().ContainSingle().Which.ParentSpanId.Should().Be(join.SpanId);
        var admit = spans.Ended(trace, "join.admit").Should().ContainSingle().Subject;
        admit.ParentSpanId.Should().Be(join.SpanId);
        admit.GetTagItem("join.admission").Should().Be("pending");
        spans.Ended(trace).Where(s => s.Source.Name == "PhoneBridge").SelectMany(s => s.TagObjects)
            .Select(t => t.Value?.ToString() ?? "")
            .Should().NotContain(v => v.Contains(call.Pin, StringComparison.Ordinal) || v.Contains(call.CallSid, StringComparison.Ordinal)
                || v.Contains("+34600111222", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task EachHubCallIsSignalRsSpanAndCarriesItsOutcome(RedisServerKind kind)
    {
        using var spans = new SpanRecorder();
        await using var host = Ivr.HostFactory.Start(servers, kind);
        var seeded = await SessionSeeder.SeedAsync(host);
        await using var customer = await HubClient.ConnectAsync(host.BaseAddress, seeded.CustomerToken);

        await customer.JoinAsync(seeded.SessionId);
        await customer.ChatAsync(seeded.SessionId, "Hello");
        var empty = () => customer.ChatAsync(seeded.SessionId, "   ");
        await empty.Should().ThrowAsync<HubException>();

        // SignalR's spans carry no id of the session or the connection to pick this test's from;
        // the tests that call the hub all sit in the redis collection, which runs one test at a time.
        static bool Chat(Activity span, string outcome) =>
            span.DisplayName == "PinCovisor.Web.Hub.CovisorHub/SendChat" && outcome.Equals(span.GetTagItem("hub.outcome"));
        var chats = await spans.EndedAsync("Microsoft.AspNetCore.SignalR.Server.InvocationIn",
            ended => ended.Any(c => Chat(c, "ok")) && ended.Any(c => Chat(c, "refused")));
        chats.Where(c => c.DisplayName == "PinCovisor.Web.Hub.CovisorHub/SendChat").Select(c => c.GetTagItem("hub.outcome"))
            .Should().Contain("ok").And.Contain("refused");
    }
}
