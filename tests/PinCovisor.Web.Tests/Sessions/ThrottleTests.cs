using System.Net;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;

namespace PinCovisor.Web.Tests.Sessions;

[Collection(RedisCollection.Name)]
public sealed class ThrottleTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AfterTenFailuresAClientGets429WithRetryAfterEvenForTheRightPinWhichStaysRedeemable(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind);
        var call = await Caller.CallAsync(host.Twilio);
        var wrong = call.Pin == "000000" ? "000001" : "000000";

        for (var i = 0; i < 10; i++)
        {
            using var refused = await host.Api.JoinAsync(wrong);
            refused.StatusCode.Should().Be(HttpStatusCode.NotFound, $"failure {i + 1} of 10 is still answered");
        }

        using var throttled = await host.Api.JoinAsync(call.Pin);
        using var stillThrottled = await host.Api.JoinAsync(wrong);
        var elsewhere = await host.Api.FromAnotherClient().JoinedAsync(call.Pin);

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        throttled.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var retryAfter = throttled.Headers.RetryAfter!.Delta!.Value;
        retryAfter.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(10));
        stillThrottled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        elsewhere.SessionId.Should().NotBeNullOrEmpty("the throttled attempt never touched the PIN");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task PastTheGlobalFailureBudgetEveryJoinerWaitsForTheAgentEvenWithAutoAdmission(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind, new Dictionary<string, string?>
        {
            ["Join:Admission"] = "Auto",
            ["Join:GlobalFailureBudget"] = "3",
        });
        var before = await Caller.CallAsync(host.Twilio);
        var after = await Caller.CallAsync(host.Twilio);
        var admitted = await host.Api.JoinedAsync(before.Pin);

        // From three different clients, so no single client is throttled.
        for (var i = 0; i < 3; i++)
        {
            using var refused = await host.Api.FromAnotherClient().JoinAsync(WrongPin(before, after, i));
            refused.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        var waiting = await host.Api.FromAnotherClient().JoinedAsync(after.Pin);

        admitted.Admission.Should().Be("admitted");
        waiting.Admission.Should().Be("pending");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheGlobalBudgetFreesWhenItsWindowTurns(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind, new Dictionary<string, string?>
        {
            ["Join:Admission"] = "Auto",
            ["Join:GlobalFailureBudget"] = "1",
            ["Join:GlobalWindow"] = "01:00:00",
        });
        var first = await Caller.CallAsync(host.Twilio);
        using (await host.Api.JoinAsync(WrongPin(first, first, 0)))
        {
        }

        host.Clock.Advance(TimeSpan.FromHours(1));
        var call = await Caller.CallAsync(host.Twilio);
        var joined = await host.Api.JoinedAsync(call.Pin);

        joined.Admission.Should().Be("admitted");
    }

    private static string WrongPin(PlacedCall a, PlacedCall b, int seed) =>
        Enumerable.Range(seed * 10, 1000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .First(p => p != a.Pin && p != b.Pin);
}
