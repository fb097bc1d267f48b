using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;
using PinCovisor.Web.Webhooks;

namespace PinCovisor.Web.Tests.Webhooks;

[Collection(RedisCollection.Name)]
public sealed class WebhookEventTests(RedisServers servers)
{
    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallItsJoinAdmissionTransferAndEndReachTheShopOnceEachThroughTheDeliveryLoop(RedisServerKind kind)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = WebhookHost.Start(servers, kind, receiver,
            settings: new Dictionary<string, string?> { ["Webhooks:PollInterval"] = "00:00:01" });

        var call = await Caller.CallAsync(host.Twilio);
        // Twilio retrying the first voice webhook is the same call.
        await host.Twilio.TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(call.CallSid)).WaitAsync(WebhookHost.Timeout);
        await Caller.AnswerAsync(host.Twilio, call.CallSid, "+34600000001");
        var joined = await host.Api.JoinedAsync(call.Pin, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");
        var id = joined.SessionId;
        var participant = (await host.Host.Services.GetRequiredService<RedisSessionStore>().ListParticipantsAsync(id).WaitAsync(WebhookHost.Timeout)).Single();
        var anaToken = await SessionSeeder.AgentTokenAsync(host.Host, "ana");
        using var admitted = await host.Api.PostAsync($"/api/sessions/{id}/participants/{participant.Id}/admit", anaToken);
        admitted.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var ana = await HubClient.ConnectAsync(host.Host.BaseAddress, anaToken);
        await using var bruno = await HubClient.ConnectAsync(host.Host.BaseAddress, await SessionSeeder.AgentTokenAsync(host.Host, "bruno"));
        await ana.JoinAsync(id);
        await ana.InvokeAsync<AgentInfo>("TransferSession", id, "bruno").WaitAsync(WebhookHost.Timeout);
        await bruno.JoinAsync(id);
        await bruno.InvokeAsync("EndSession", id).WaitAsync(WebhookHost.Timeout);

        // The host's own loop delivers: the clock moves a poll interval at a time.
        var types = WebhookEventTypes.All.Where(t => t != WebhookEventTypes.CsatSubmitted).ToList();
        for (var i = 0; i < 600 && !types.All(t => receiver.Received.Any(r => r.Type == t)); i++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        receiver.Received.Select(r => r.Type).Should().BeEquivalentTo(types, "each change once, the retried voice webhook included");
        receiver.Received.Should().OnlyContain(r => r.SignatureValid && r.Attempt == 1);
        var started = Data(receiver, WebhookEventTypes.CallStarted);
        started.GetProperty("callSid").GetString().Should().Be(call.CallSid);
        started.GetProperty("from").GetString().Should().EndWith("222").And.NotContain("600111", "numbers go out masked");
        var session = Data(receiver, WebhookEventTypes.SessionStarted);
        session.GetProperty("sessionId").GetString().Should().Be(id);
        session.GetProperty("origin").GetString().Should().Be("call");
        session.GetProperty("callSid").GetString().Should().Be(call.CallSid);
        session.GetProperty("agent").GetString().Should().Be("ana");
        var admission = Data(receiver, WebhookEventTypes.ParticipantAdmitted);
        admission.GetProperty("participantId").GetString().Should().Be(participant.Id);
        admission.GetProperty("device").GetString().Should().Be("Safari on iPhone");
        var transfer = Data(receiver, WebhookEventTypes.SessionTransferred);
        (transfer.GetProperty("fromAgent").GetString(), transfer.GetProperty("toAgent").GetString()).Should().Be(("ana", "bruno"));
        var ended = Data(receiver, WebhookEventTypes.SessionEnded);
        ended.GetProperty("reason").GetString().Should().Be("ended-by-agent");
        ended.GetProperty("agent").GetString().Should().Be("bruno");
        ended.GetProperty("transcriptUrl").GetString().Should().Be($"https://shop.example/api/sessions/{id}/transcript?format=json");
        ended.GetProperty("transcriptPath").GetString().Should().Be($"/api/sessions/{id}/transcript?format=json");
    }

    private static System.Text.Json.JsonElement Data(WebhookReceiver receiver, string type) =>
        receiver.Received.Single(r => r.Type == type).Data;
}
