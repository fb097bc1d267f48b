using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Tests.Hub;
using PinCovisor.Web.Tests.Ivr;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Security;

/// <summary>
/// One admitted customer with the host's default limits tries to fill Redis through the hub for
/// 30 s: as many connections as the token may hold, each sending the largest chats and strokes the
/// hub accepts as fast as it accepts them, then more connections than allowed.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisFloodTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Flood = TimeSpan.FromSeconds(30);

    // 1,900 characters as people count them, each an "e" with seven accents: about 28 KB of UTF-8,
    // just under Hub:MaxMessageBytes, and some 80 KB once stored as escaped JSON.
    private static readonly string HeaviestText = string.Concat(Enumerable.Repeat("e" + new string('\u0301', 7), 1900));

    // 1,024 points with twelve decimals: about 31 KB, likewise just under the message limit.
    private static readonly double[] HeaviestStroke =
        [.. Enumerable.Range(0, 2048).Select(i => Math.Round(0.1 + (i % 800 / 1000.0) + 0.000000123456, 12))];

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACustomerFloodingTheHubForThirtySecondsLeavesTheSessionUnderItsByteCapAndTheHostHealthy(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind, ShopSettings.With(new Dictionary<string, string?>
        {
            [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value,
        }));
        var limits = host.Services.GetRequiredService<IOptions<CovisorHubOptions>>().Value;
        var session = await SessionSeeder.SeedAsync(host);
        var id = session.SessionId;
        var allowed = new List<HubClient>();
        for (var i = 0; i < limits.MaxCustomerConnections; i++)
        {
            var client = await HubClient.ConnectAsync(host.BaseAddress, session.CustomerToken);
            allowed.Add(client);
            await client.JoinAsync(id);
        }

        long acceptedBytes = 0;
        using (var stop = new CancellationTokenSource(Flood))
        {
            var floods = allowed.Select((client, n) => FloodAsync(client, id, n, bytes => Interlocked.Add(ref acceptedBytes, bytes), stop.Token));
            await Task.WhenAll(floods).WaitAsync(Flood + Timeout);
        }

        var refusals = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            refusals.Add(await RefusalAsync(host.BaseAddress, session.CustomerToken));
        }

        var db = host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var events = await db.SortedSetRangeByRankWithScoresAsync(HubKeys.Events(id)).WaitAsync(Timeout);
        var ids = await db.SortedSetRangeByRankWithScoresAsync(HubKeys.MessageIds(id)).WaitAsync(Timeout);
        var video = await db.StringLengthAsync(HubKeys.Video(id)).WaitAsync(Timeout);
        var held = events.Sum(e => Length(e.Element)) + ids.Sum(e => Length(e.Element)) + video;

        acceptedBytes.Should().BeGreaterThan(2 * limits.MaxHistoryBytes, "the flood offered the log far more than its cap");
        held.Should().BeLessThanOrEqualTo(limits.MaxHistoryBytes, "the log's events, message ids and video stay under Hub:MaxHistoryBytes");
        ((long)await db.StringGetAsync(HubKeys.Bytes(id)).WaitAsync(Timeout)).Should().Be(held, "the log counts what it holds exactly");
        events[0].Score.Should().BeGreaterThan(1, "the oldest events were dropped to make room");
        ids.Should().OnlyContain(m => m.Score >= events[0].Score, "message ids leave with their events");
        refusals.Should().HaveCount(3).And.OnlyContain(m => m.Contains("too many windows or devices", StringComparison.Ordinal));
        allowed.Should().OnlyContain(c => c.Connection.State == Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
        host.Logs.Lines.Should().NotContain(l => l.StartsWith("Error ", StringComparison.Ordinal), "refusals are the client's business, not faults");

        using var http = host.CreateLoopbackClient();
        (await http.GetAsync(new Uri("/healthz", UriKind.Relative)).WaitAsync(Timeout)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.GetAsync(new Uri("/readyz", UriKind.Relative)).WaitAsync(Timeout)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Caller.CallAsync(new TwilioCaller(host.CreateLoopbackClient()))).Pin.Should().MatchRegex("^[0-9]{6}$");
        foreach (var client in allowed)
        {
            await client.DisposeAsync();
        }
    }

    /// <summary>Sends the heaviest chats and strokes as fast as the hub takes them; returns when told to stop.</summary>
    private static async Task FloodAsync(HubClient client, string sessionId, int n, Action<long> accepted, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                if (i % 2 == 0)
                {
                    await client.InvokeAsync<long>("SendChat", sessionId, string.Create(CultureInfo.InvariantCulture, $"flood-{n}-{i}"), HeaviestText);
                    accepted(Encoding.UTF8.GetByteCount(HeaviestText));
                }
                else
                {
                    var stroke = new StrokeInput(string.Create(CultureInfo.InvariantCulture, $"s-{n}-{i}"), HeaviestStroke, "#ff0000ff", 64);
                    await client.InvokeAsync<long>("AddStroke", sessionId, stroke);
                    accepted(HeaviestStroke.Length * 14);
                }
            }
            catch (HubException refused) when (refused.Message.EndsWith("wait a moment and try again.", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None);
            }
        }
    }

    /// <summary>Opens one more connection with the token and returns why it was closed.</summary>
    private static async Task<string> RefusalAsync(Uri baseAddress, string token)
    {
        try
        {
            await using var extra = await HubClient.ConnectAsync(baseAddress, token);
            return (await extra.Closed.WaitAsync(Timeout))?.Message ?? "closed without a reason";
        }
        catch (Exception e) when (e is HubException or InvalidOperationException or HttpRequestException)
        {
            return e.Message;
        }
    }

    private static long Length(RedisValue value) => ((byte[])value!).LongLength;
}
