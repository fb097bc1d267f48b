using System.Net;
using System.Text.Json;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Tests.Sessions;

[Collection(RedisCollection.Name)]
public sealed class JoinTests(RedisServers servers)
{
    private const string ChromeOnAndroid =
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task CallerJoinsWithTheSpokenPinAndSeesTheAgentWhoAnswered(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind);
        var call = await Caller.CallAsync(host.Twilio);
        await Caller.AnswerAsync(host.Twilio, call.CallSid, "+34600000001");

        var joined = await host.Api.JoinedAsync(call.Pin, ChromeOnAndroid);

        joined.SessionId.Should().MatchRegex("^s_[A-Za-z0-9_-]{22}$");
        joined.Token.Should().StartWith("pbt_");
        joined.Agent!.DisplayName.Should().Be("Ana");
        joined.Admission.Should().Be("pending", "by default the agent admits each joiner");
        var session = await host.Get<RedisSessionStore>().FindByCallAsync(call.CallSid).WaitAsync(Timeout);
        session!.Id.Should().Be(joined.SessionId);
        session.AgentUsername.Should().Be("ana");
        var participants = await host.Get<RedisSessionStore>().ListParticipantsAsync(joined.SessionId).WaitAsync(Timeout);
        participants.Should().ContainSingle().Which.Device.Should().Be("Chrome on Android");
        participants[0].JoinedAt.Should().Be(host.Clock.GetUtcNow());
        var secret = joined.Token[4..];
        host.Host.Logs.Lines.Should().NotContain(line => line.Contains(call.Pin, StringComparison.Ordinal)
            || line.Contains(secret, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AJoinerBeforeAnyoneAnswersSeesNoAgentUntilTheAnsweringAgentTakesCharge(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind);
        var call = await Caller.CallAsync(host.Twilio);

        var joined = await host.Api.JoinedAsync(call.Pin);
        await Caller.AnswerAsync(host.Twilio, call.CallSid, "+34600000002");
        using var waiting = await host.Api.GetAsync($"/api/sessions/{joined.SessionId}", joined.Token);

        joined.Agent.Should().BeNull();
        var view = JsonDocument.Parse(await waiting.Content.ReadAsStringAsync().WaitAsync(Timeout)).RootElement;
        view.GetProperty("agent").GetProperty("displayName").GetString().Should().Be("Bruno");
        view.GetProperty("admission").GetString().Should().Be("pending");
        (await host.Get<RedisSessionStore>().ListOpenForAgentAsync("bruno").WaitAsync(Timeout))
            .Should().Contain(s => s.Id == joined.SessionId);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task WrongUsedAndExpiredPinsGetByteIdenticalRefusals(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind);
        var used = await Caller.CallAsync(host.Twilio);
        await host.Api.JoinedAsync(used.Pin);
        var expired = await Caller.CallAsync(host.Twilio);
        var live = await Caller.CallAsync(host.Twilio);
        var wrong = Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .First(p => p != used.Pin && p != expired.Pin && p != live.Pin);

        using var wrongAnswer = await host.Api.JoinAsync(wrong);
        using var usedAnswer = await host.Api.JoinAsync(used.Pin);
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        using var expiredAnswer = await host.Api.JoinAsync(expired.Pin);

        var bodies = new List<byte[]>();
        foreach (var answer in new[] { wrongAnswer, usedAnswer, expiredAnswer })
        {
            answer.StatusCode.Should().Be(HttpStatusCode.NotFound);
            answer.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            bodies.Add(await answer.Content.ReadAsByteArrayAsync().WaitAsync(Timeout));
        }

        bodies[1].Should().Equal(bodies[0]);
        bodies[2].Should().Equal(bodies[0]);
        JsonDocument.Parse(bodies[0]).RootElement.EnumerateObject().Select(p => p.Name)
            .Should().BeEquivalentTo("type", "title", "status", "detail");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ConcurrentJoinsWithOnePinLetExactlyOneIn(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind);
        var call = await Caller.CallAsync(host.Twilio);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => host.Api.FromAnotherClient().JoinAsync(call.Pin)))
            .WaitAsync(Timeout);

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().Be(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.NotFound).Should().Be(9);
        var session = await host.Get<RedisSessionStore>().FindByCallAsync(call.CallSid).WaitAsync(Timeout);
        (await host.Get<RedisSessionStore>().ListParticipantsAsync(session!.Id).WaitAsync(Timeout)).Should().ContainSingle();
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("", "application/json")]
    [InlineData("{", "application/json")]
    [InlineData("{}", "application/json")]
    [InlineData("null", "application/json")]
    [InlineData("{\"pin\":482917}", "application/json")]
    [InlineData("{\"pin\":\"48a917\"}", "application/json")]
    [InlineData("{\"pin\":\"482\"}", "application/json")]
    [InlineData("{\"pin\":\"48291748291\"}", "application/json")]
    [InlineData("{\"pin\":\"٤٨٢٩١٧\"}", "application/json")]
    [InlineData("{\"pin\":\"482917\"}", "text/plain")]
    public async Task MalformedJoinRequestsGetAValidationProblem(string? body, string contentType)
    {
        await using var host = SessionHost.Start(servers, RedisServerKind.Garnet);

        using var response = await host.Api.PostRawAsync("/api/join", body, contentType);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync().WaitAsync(Timeout)).RootElement;
        problem.GetProperty("errors").TryGetProperty("pin", out _).Should().BeTrue();
    }

    [Fact]
    public async Task AnOversizedJoinBodyIsRefusedAsMalformed()
    {
        await using var host = SessionHost.Start(servers, RedisServerKind.Garnet);

        using var response = await host.Api.PostRawAsync("/api/join", $$"""{"pin":"482917","x":"{{new string('x', 100_000)}}"}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
