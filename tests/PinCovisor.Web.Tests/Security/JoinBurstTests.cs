using System.Globalization;
using System.Net;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Tests.Sessions;

namespace PinCovisor.Web.Tests.Security;

/// <summary>
/// Guessing PINs as an attacker does: many requests at once. The throttle must count each attempt
/// before it judges it, so a burst gets no more judgements than the published limit.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class JoinBurstTests(RedisServers servers)
{
    private const int Burst = 200;

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TwoHundredParallelWrongPinsFromOneClientGetTenJudgementsAndTheRestA429WithRetryAfter(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind);
        var call = await Caller.CallAsync(host.Twilio);

        var answers = await Task.WhenAll(WrongPins(call, Burst).Select(pin => AnswerAsync(host.Api, pin)));
        using var rightButThrottled = await host.Api.JoinAsync(call.Pin);
        var elsewhere = await host.Api.FromAnotherClient().JoinedAsync(call.Pin);

        answers.Count(a => a.Status == HttpStatusCode.NotFound).Should().Be(10, "the client may fail 10 times per window, however fast it asks");
        answers.Count(a => a.Status == HttpStatusCode.TooManyRequests).Should().Be(Burst - 10);
        answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).Should().OnlyContain(a =>
            a.RetryAfter > TimeSpan.Zero && a.RetryAfter <= TimeSpan.FromMinutes(10) && a.ContentType == "application/problem+json");
        rightButThrottled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "a throttled client is not told whether its digits were right");
        elsewhere.SessionId.Should().NotBeNullOrEmpty("no throttled attempt touched the PIN");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ABurstThatCrossesTheGlobalBudgetWithTheRightPinInsideLeavesThatJoinerInTheWaitingRoom(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind, new Dictionary<string, string?>
        {
            ["Join:Admission"] = "Auto",
            ["Join:GlobalFailureBudget"] = "10",
        });
        var call = await Caller.CallAsync(host.Twilio);

        // Each guess from an address of its own (a swarm), so only the global budget applies; the
        // right PIN goes out with them, after the wrong ones have been sent.
        var wrong = WrongPins(call, Burst).Select(pin => AnswerAsync(host.Api.FromAnotherClient(), pin)).ToList();
        var right = host.Api.FromAnotherClient().JoinedAsync(call.Pin);
        var answers = await Task.WhenAll(wrong);
        var joined = await right;

        answers.Should().OnlyContain(a => a.Status == HttpStatusCode.NotFound, "the budget forces the waiting room, it refuses nobody");
        joined.Admission.Should().Be("pending", "the burst spent the budget, so Auto admission is off for this joiner");
    }

    [Fact]
    public async Task TwoHostsOnOneRedisServerHoldABurstSplitBetweenThemToTheLimitTogether()
    {
        await using var first = SessionHost.Start(servers, RedisServerKind.Redis);
        await using var second = SessionHost.Start(servers, RedisServerKind.Redis);
        var call = await Caller.CallAsync(first.Twilio);
        var attacker = first.Api.ClientAddress;
        var viaSecond = new SessionsApi(second.Host.CreateLoopbackClient(), attacker);

        var answers = await Task.WhenAll(WrongPins(call, Burst).Select((pin, i) => AnswerAsync(i % 2 == 0 ? first.Api : viaSecond, pin)));

        answers.Count(a => a.Status == HttpStatusCode.NotFound).Should().Be(10, "both hosts count in the one Redis");
        answers.Count(a => a.Status == HttpStatusCode.TooManyRequests).Should().Be(Burst - 10);
    }

    private static async Task<JoinAnswer> AnswerAsync(SessionsApi api, string pin)
    {
        using var response = await api.JoinAsync(pin);
        return new JoinAnswer(response.StatusCode, response.Headers.RetryAfter?.Delta, response.Content.Headers.ContentType?.MediaType);
    }

    private static IEnumerable<string> WrongPins(PlacedCall call, int count) =>
        Enumerable.Range(100_000, count + 1).Select(n => n.ToString(CultureInfo.InvariantCulture)).Where(p => p != call.Pin).Take(count);

    private sealed record JoinAnswer(HttpStatusCode Status, TimeSpan? RetryAfter, string? ContentType);
}
