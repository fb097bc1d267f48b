using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace PinCovisor.Web.Tests.Sessions;

[Collection(RedisCollection.Name)]
public sealed class RefusalTimingTests(RedisServers servers, ITestOutputHelper output)
{
    private const int Tries = 50;

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task WrongUsedAndExpiredPinsCostTheSameRedisRoundTrips(RedisServerKind kind)
    {
        // The fake clock freezes every background timer, so the only Redis traffic is the requests'.
        await using var host = SessionHost.Start(servers, kind, new Dictionary<string, string?> { ["Join:MaxFailuresPerClient"] = "1000" });
        var redis = host.Services.GetRequiredService<IConnectionMultiplexer>();
        var used = await Caller.CallAsync(host.Twilio);
        await host.Api.JoinedAsync(used.Pin);
        var expired = await Caller.CallAsync(host.Twilio);
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var wrong = Enumerable.Range(0, 10).Select(n => "99999" + n).First(p => p != used.Pin && p != expired.Pin);

        var wrongTries = new List<(long Ops, double Ms)>();
        var usedTries = new List<(long Ops, double Ms)>();
        var expiredTries = new List<(long Ops, double Ms)>();
        for (var i = 0; i < Tries; i++)
        {
            // Interleaved, so drift in the machine's load touches both alike.
            wrongTries.Add(await TryAsync(host, redis, wrong));
            usedTries.Add(await TryAsync(host, redis, used.Pin));
            expiredTries.Add(await TryAsync(host, redis, expired.Pin));
        }

        var wrongOps = Mode(wrongTries.Select(t => t.Ops));
        var usedOps = Mode(usedTries.Select(t => t.Ops));
        var expiredOps = Mode(expiredTries.Select(t => t.Ops));
        output.WriteLine($"{kind}: wrong PIN {wrongOps} Redis operations, median {Median(wrongTries)} ms; " +
            $"used PIN {usedOps}, median {Median(usedTries)} ms; expired PIN {expiredOps}, median {Median(expiredTries)} ms");
        usedOps.Should().Be(wrongOps);
        expiredOps.Should().Be(wrongOps);
        wrongOps.Should().BeGreaterThan(0);
    }

    private static async Task<(long Ops, double Ms)> TryAsync(SessionHost host, IConnectionMultiplexer redis, string pin)
    {
        var before = redis.OperationCount;
        var watch = Stopwatch.StartNew();
        using var response = await host.Api.JoinAsync(pin);
        watch.Stop();
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        return (redis.OperationCount - before, watch.Elapsed.TotalMilliseconds);
    }

    // The most frequent count, so a rare client heartbeat in one try cannot decide the comparison.
    private static long Mode(IEnumerable<long> values) => values.GroupBy(v => v).OrderByDescending(g => g.Count()).First().Key;

    private static string Median(List<(long Ops, double Ms)> tries)
    {
        var sorted = tries.Select(t => t.Ms).Order().ToList();
        return ((sorted[Tries / 2 - 1] + sorted[Tries / 2]) / 2).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
    }
}
