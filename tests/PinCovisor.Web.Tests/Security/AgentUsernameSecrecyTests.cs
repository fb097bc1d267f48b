using System.Net;
using System.Text.Json;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Tests.Hub;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Security;

/// <summary>
/// A customer sees agents by display name only. The agents' usernames here cannot appear by
/// accident, so finding one anywhere a customer can read (a raw hub frame, an API body) is a leak.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class AgentUsernameSecrecyTests(RedisServers servers)
{
    private const string Ana = "ana-login-7f3";
    private const string Bruno = "bruno-login-2c9";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task NothingACustomerReceivesOrCanFetchNamesAnAgentByUsernameWhileTheConsoleStillGetsUsernames(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind, ShopSettings.With(new Dictionary<string, string?>
        {
            ["Agents:0:Username"] = Ana,
            ["Agents:0:DisplayName"] = "Ana",
            ["Agents:1:Username"] = Bruno,
            ["Agents:1:DisplayName"] = "Bruno",
            [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value,
        }));
        var seen = new List<string>();
        var api = new SessionsApi(host.CreateLoopbackClient());
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);
        await Caller.AnswerAsync(twilio, call.CallSid);

        var joined = await ReadAsync(seen, api.JoinAsync(call.Pin));
        var sessionId = joined.GetProperty("sessionId").GetString()!;
        var token = joined.GetProperty("token").GetString()!;
        await using var customer = await HubClient.ConnectRecordingAsync(host.BaseAddress, token);
        (await customer.JoinAsync(sessionId)).Admission.Should().Be("pending");
        await ReadAsync(seen, api.GetAsync($"/api/sessions/{sessionId}", token));
        var anaToken = await SessionSeeder.AgentTokenAsync(host, Ana);
        var participants = (await ReadAsync([], api.GetAsync("/api/sessions", anaToken))).EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == sessionId).GetProperty("participants");
        using (await api.PostAsync($"/api/sessions/{sessionId}/participants/{participants[0].GetProperty("id").GetString()}/admit", anaToken))
        {
        }

        await using var ana = await HubClient.ConnectAsync(host.BaseAddress, anaToken);
        await ana.JoinAsync(sessionId);
        await customer.Events.WaitAsync(() => customer.Events.Arrivals, a => a.Any(e => e.Kind == EventKinds.Admission), Timeout);
        await customer.JoinAsync(sessionId);
        await PlayAsync(ana, sessionId, "Hola, soy Ana");
        await customer.ChatAsync(sessionId, "Hola Ana");
        var handedTo = await ana.InvokeAsync<AgentInfo>("TransferSession", sessionId, Bruno);
        await using var bruno = await HubClient.ConnectAsync(host.BaseAddress, await SessionSeeder.AgentTokenAsync(host, Bruno));
        var brunoJoined = await bruno.JoinAsync(sessionId);
        await PlayAsync(bruno, sessionId, "Hola, soy Bruno");
        var last = await bruno.ChatAsync(sessionId, "¿algo más?");
        await customer.Events.WaitForAsync(sessionId, e => e.Any(x => x.Seq == last), Timeout);
        await customer.Events.WaitAsync(() => customer.Events.Typing, t => t.Count >= 2, Timeout);
        await customer.Events.WaitAsync(() => customer.Events.Pointers, p => p.Count >= 2, Timeout);

        var link = await ReadAsync(seen, api.PostAsync($"/api/sessions/{sessionId}/devices", token));
        var code = new Uri(link.GetProperty("url").GetString()!).Query.Split("device=")[1];
        var phone = await ReadAsync(seen, api.FromAnotherClient().JoinDeviceAsync(code));
        await using var replaying = await HubClient.ConnectRecordingAsync(host.BaseAddress, phone.GetProperty("token").GetString()!);
        while ((await replaying.JoinAsync(sessionId)).HasMore)
        {
        }

        foreach (var path in new[]
        {
            $"/api/sessions/{sessionId}", "/api/videos", $"/api/catalog/{ShopSettings.StrapId}", $"/api/sessions/{sessionId}/transcript",
            "/api/sessions", "/api/agents", "/api/agents/me", "/api/calls/live",
        })
        {
            using var response = await api.GetAsync(path, token);
            seen.Add(await response.Content.ReadAsStringAsync().WaitAsync(Timeout));
        }

        seen.Add(customer.RawReceived);
        seen.Add(replaying.RawReceived);
        replaying.Events.Applied(sessionId).Select(e => e.Seq).Should().Contain(last, "the replay from 0 went through the whole session");
        string.Concat(seen).Should().Contain("\"Ana\"").And.Contain("\"Bruno\"", "customers do see the agents' names");
        foreach (var text in seen)
        {
            text.Should().NotContainEquivalentOf(Ana).And.NotContainEquivalentOf(Bruno);
        }

        // The console still gets usernames: who took over, whom it is with, who wrote.
        handedTo.Should().Be(new AgentInfo(Bruno, "Bruno"));
        brunoJoined.Agent.Should().Be(new AgentInfo(Bruno, "Bruno"));
        (await ana.Events.WaitForKindAsync(sessionId, EventKinds.AgentChanged)).DataAs<AgentChanged>()
            .Should().Be(new AgentChanged(Ana, Bruno, "Bruno"));
        bruno.Events.Applied(sessionId).Where(e => e.Author.Role == "agent").Select(e => e.Author.Id).Distinct()
            .Should().BeEquivalentTo([Ana, Bruno]);
    }

    /// <summary>An agent's turn: chat, typing, pointer, a product, its picture, a stroke and the video.</summary>
    private static async Task PlayAsync(HubClient agent, string sessionId, string text)
    {
        await agent.InvokeAsync("Typing", sessionId, true);
        await agent.ChatAsync(sessionId, text);
        await agent.InvokeAsync("MovePointer", sessionId, 0.4, 0.6);
        await agent.InvokeAsync<long>("ShareProduct", sessionId, ShopSettings.StrapId);
        await agent.InvokeAsync<long>("ShareImage", sessionId, new ImageShareInput(null, ShopSettings.StrapId));
        await agent.InvokeAsync<long>("AddStroke", sessionId, new StrokeInput(Guid.NewGuid().ToString("N"), [0.1, 0.2, 0.3, 0.4], "#ff0000", 3));
        await agent.InvokeAsync<long>("ControlVideo", sessionId, new VideoCommand("play", ShopSettings.VideoId, 3, 1, true));
    }

    private static async Task<JsonElement> ReadAsync(List<string> seen, Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);
        response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.Created);
        seen.Add(body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
