using System.Net;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;
using SkiaSharp;

namespace PinCovisor.Web.Tests.Hub;

[Collection(RedisCollection.Name)]
public sealed class HubEndToEndTests(RedisServers servers)
{
    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallersPinLeadsToASharedSessionAcrossTwoHostsThatSurvivesADroppedConnection(RedisServerKind kind)
    {
        await using var hosts = TwoHosts.Start(servers, kind);
        var (shopHost, consoleHost) = (hosts.First, hosts.Second);
        var twilio = new TwilioCaller(shopHost.CreateLoopbackClient());

        // Twilio: the call arrives, the IVR speaks the PIN, Ana answers and the whisper binds her.
        var call = await Caller.CallAsync(twilio);
        await Caller.AnswerAsync(twilio, call.CallSid, "+34600000001");
        var agentToken = await SessionSeeder.AgentTokenAsync(consoleHost, "ana");
        await using var agent = await HubClient.ConnectAsync(consoleHost.BaseAddress, agentToken, reconnect: true);

        // The caller types the PIN on the shop's site and waits; Ana sees them and admits them.
        var joined = await new SessionsApi(shopHost.CreateLoopbackClient()).JoinedAsync(call.Pin);
        var id = joined.SessionId;
        joined.Admission.Should().Be("pending");
        await using var customer = await HubClient.ConnectAsync(shopHost.BaseAddress, joined.Token, reconnect: true);
        (await customer.JoinAsync(id)).Admission.Should().Be("pending");
        var arrived = await agent.Events.WaitAsync(() => agent.Events.Arrivals, a => a.Any(e => e.Kind == EventKinds.ParticipantJoined));
        var participantId = arrived.First(e => e.Kind == EventKinds.ParticipantJoined).DataAs<ParticipantJoined>().ParticipantId;
        using var admit = await new SessionsApi(consoleHost.CreateLoopbackClient())
            .PostAsync($"/api/sessions/{id}/participants/{participantId}/admit", agentToken);
        admit.StatusCode.Should().Be(HttpStatusCode.OK);
        await customer.Events.WaitAsync(() => customer.Events.Arrivals, a => a.Any(e => e.Kind == EventKinds.Admission));
        (await customer.JoinAsync(id)).Admission.Should().Be("admitted");
        (await agent.JoinAsync(id)).Agent.Should().Be(new AgentInfo("ana", "Ana"));

        // Both ways, each from its own host.
        using var uploads = MediaUploads.ClientFor(shopHost, joined.Token);
        var photo = await MediaUploads.UploadAsync(uploads, id, TestImages.Jpeg(40, 30, SKColors.Navy, SKColors.White));
        await customer.ChatAsync(id, "mira la foto");
        await customer.InvokeAsync<long>("ShareImage", id, new ImageShareInput(photo.MediaId, null));
        await agent.InvokeAsync<long>("SetView", id, new ViewState(4, 0.3, 0.6));
        await agent.InvokeAsync<long>("AddStroke", id, new StrokeInput("ring", [0.3, 0.6, 0.35, 0.65], "#ff0000", 3));
        await customer.InvokeAsync<long>("AddStroke", id, new StrokeInput("tick", [0.5, 0.5, 0.6, 0.4], "#00aa00", 2));
        await agent.InvokeAsync<long>("ControlVideo", id, new VideoCommand("play", ShopSettings.VideoId, 0, 1, true));
        var before = await customer.Events.WaitForKindAsync(id, EventKinds.Video);

        // The caller's phone drops off the network while Ana keeps talking.
        customer.KillSocket();
        for (var i = 0; i < 20; i++)
        {
            await agent.ChatAsync(id, "mensaje " + i);
        }

        // The call ends: Twilio's status callback reaches the session.
        await Caller.StatusAsync(twilio, call.CallSid, "completed");

        var ended = await agent.Events.WaitForKindAsync(id, EventKinds.CallStatus, e => e.DataAs<CallStatusChanged>().Over);
        var atCustomer = await customer.Events.WaitForAsync(id, events => events.Any(e => e.Seq == ended.Seq));
        var atAgent = agent.Events.Applied(id);
        atCustomer.Select(e => (e.Seq, e.Kind)).Should().Equal(atAgent.Select(e => (e.Seq, e.Kind)));
        atCustomer.Select(e => e.Seq).Should().Equal(Enumerable.Range(1, atCustomer.Count).Select(i => (long)i));
        atCustomer.Where(e => e.Seq > before.Seq && e.Kind == EventKinds.ChatMessage).Select(e => e.DataAs<ChatMessage>().Text)
            .Should().Equal(Enumerable.Range(0, 20).Select(i => "mensaje " + i));
        customer.Reconnections.Should().BePositive();
        ended.DataAs<CallStatusChanged>().Status.Should().Be("completed");
    }
}
