using System.Net;
using System.Text.Json;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;

namespace PinCovisor.Web.Tests.Sessions;

[Collection(RedisCollection.Name)]
public sealed class WaitingRoomTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheAgentInChargeSeesTheJoinerAndAdmitsThemWhileAnotherAgentIsForbidden(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind);
        var joined = await JoinAnsweredByAnaAsync(host, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");
        var ana = await SessionSeeder.AgentTokenAsync(host.Host, "ana");
        var bruno = await SessionSeeder.AgentTokenAsync(host.Host, "bruno");
        var participant = await OnlyParticipantAsync(host, joined);

        using var list = await host.Api.GetAsync("/api/sessions", ana);
        using var brunoAdmits = await host.Api.PostAsync(Decision(joined, participant, "admit"), bruno);
        using var brunoLooks = await host.Api.GetAsync($"/api/sessions/{joined.SessionId}", bruno);
        using var admitted = await host.Api.PostAsync(Decision(joined, participant, "admit"), ana);
        using var customerView = await host.Api.GetAsync($"/api/sessions/{joined.SessionId}", joined.Token);

        var sessions = await JsonAsync(list);
        var listed = sessions.EnumerateArray().Single(s => s.GetProperty("id").GetString() == joined.SessionId);
        var waiting = listed.GetProperty("participants").EnumerateArray().Single();
        listed.GetProperty("maskedFrom").GetString().Should().EndWith("222").And.NotContain("600111", "the agent sees the caller's number masked");
        waiting.GetProperty("admission").GetString().Should().Be("pending");
        waiting.GetProperty("device").GetString().Should().Be("Safari on iPhone");
        waiting.GetProperty("joinedAt").GetDateTimeOffset().Should().Be(host.Clock.GetUtcNow());
        brunoAdmits.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        brunoAdmits.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        brunoLooks.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        admitted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonAsync(admitted)).GetProperty("admission").GetString().Should().Be("admitted");
        (await JsonAsync(customerView)).GetProperty("admission").GetString().Should().Be("admitted");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ARejectedJoinersTokenStopsWorkingAndTheRejectionIsFinal(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind);
        var joined = await JoinAnsweredByAnaAsync(host);
        var ana = await SessionSeeder.AgentTokenAsync(host.Host, "ana");
        var participant = await OnlyParticipantAsync(host, joined);
        using var beforeRejection = await host.Api.GetAsync($"/api/sessions/{joined.SessionId}", joined.Token);

        using var rejected = await host.Api.PostAsync(Decision(joined, participant, "reject"), ana);
        using var afterRejection = await host.Api.GetAsync($"/api/sessions/{joined.SessionId}", joined.Token);
        using var admitLater = await host.Api.PostAsync(Decision(joined, participant, "admit"), ana);

        beforeRejection.StatusCode.Should().Be(HttpStatusCode.OK);
        rejected.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonAsync(rejected)).GetProperty("admission").GetString().Should().Be("rejected");
        afterRejection.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        admitLater.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task UnknownSessionsAndParticipantsAre404AndCustomersCannotLookAtOtherSessions(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind);
        var joined = await JoinAnsweredByAnaAsync(host);
        var other = await SessionSeeder.SeedAsync(host.Host);
        var ana = await SessionSeeder.AgentTokenAsync(host.Host, "ana");

        using var unknownSession = await host.Api.GetAsync("/api/sessions/s_AAAAAAAAAAAAAAAAAAAAAA", ana);
        using var unknownParticipant = await host.Api.PostAsync($"/api/sessions/{joined.SessionId}/participants/p_AAAAAAAAAAAAAAAAAAAAAA/admit", ana);
        using var strangersSession = await host.Api.GetAsync($"/api/sessions/{other.SessionId}", joined.Token);
        using var customerAdmits = await host.Api.PostAsync($"/api/sessions/{joined.SessionId}/participants/p_AAAAAAAAAAAAAAAAAAAAAA/admit", joined.Token);
        using var anonymous = await host.Api.GetAsync("/api/sessions", null);

        unknownSession.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknownSession.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        unknownParticipant.StatusCode.Should().Be(HttpStatusCode.NotFound);
        strangersSession.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        customerAdmits.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static async Task<JoinedJson> JoinAnsweredByAnaAsync(SessionHost host, string? userAgent = null)
    {
        var call = await Caller.CallAsync(host.Twilio);
        await Caller.AnswerAsync(host.Twilio, call.CallSid, "+34600000001");
        return await host.Api.JoinedAsync(call.Pin, userAgent);
    }

    private static async Task<string> OnlyParticipantAsync(SessionHost host, JoinedJson joined)
    {
        var participants = await host.Get<PinCovisor.Web.Sessions.RedisSessionStore>().ListParticipantsAsync(joined.SessionId).WaitAsync(Timeout);
        return participants.Single().Id;
    }

    private static string Decision(JoinedJson joined, string participantId, string verb) =>
        $"/api/sessions/{joined.SessionId}/participants/{participantId}/{verb}";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync().WaitAsync(Timeout)).RootElement;
}
