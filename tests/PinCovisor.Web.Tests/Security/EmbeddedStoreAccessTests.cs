using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Redis;
using PinCovisor.Web.Tests.Ivr;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Security;

/// <summary>
/// Another process on the same machine, which can reach the embedded store's loopback port, tries
/// to read and forge the host's state.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class EmbeddedStoreAccessTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ALocalProcessWithoutThePasswordIsRefusedEveryReadAndWriteWhileTheHostWorks()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        var port = host.Services.GetRequiredService<RedisEndpoint>().EmbeddedPort!.Value;
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);
        var forged = "pb:forged:" + Guid.NewGuid().ToString("N");

        var answers = await RawAsync(port,
            "PING", "KEYS *", $"SET {forged} 1", $"GET pb:call:{call.CallSid}", "AUTH not-the-password", $"SET {forged} 2");

        answers[0].Should().StartWith("-NOAUTH");
        answers[1].Should().StartWith("-NOAUTH");
        answers[2].Should().StartWith("-NOAUTH");
        answers[3].Should().StartWith("-NOAUTH");
        answers[4].Should().StartWith("-");
        answers[5].Should().StartWith("-NOAUTH");
        var db = host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        (await db.KeyExistsAsync(forged).WaitAsync(Timeout)).Should().BeFalse();
        using var http = host.CreateLoopbackClient();
        using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative)).WaitAsync(Timeout);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        var joined = await new SessionsApi(http).JoinedAsync(call.Pin);
        joined.Admission.Should().Be("pending");
    }

    [Fact]
    public async Task EveryStartOfTheEmbeddedStoreHasAPasswordOfItsOwnThatNeverReachesTheLog()
    {
        await using var first = HostFactory.Start(servers, RedisServerKind.Garnet);
        await using var second = HostFactory.Start(servers, RedisServerKind.Garnet);

        var passwords = new[] { first, second }
            .Select(h => ConfigurationOptions.Parse(h.Services.GetRequiredService<RedisEndpoint>().ConnectionString).Password)
            .ToList();

        passwords.Should().OnlyContain(p => p != null && p.Length >= 64).And.OnlyHaveUniqueItems();
        first.Logs.Lines.Should().Contain(l => l.Contains("embedded Garnet", StringComparison.Ordinal) && l.Contains("password", StringComparison.Ordinal));
        first.Logs.Lines.Concat(second.Logs.Lines).Should().NotContain(l => passwords.Any(p => l.Contains(p!, StringComparison.Ordinal)));
    }

    /// <summary>Sends each command on one raw connection, as redis-cli would, and returns each reply's first line.</summary>
    private static async Task<List<string>> RawAsync(int port, params string[] commands)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(Timeout);
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var replies = new List<string>();
        foreach (var command in commands)
        {
            var parts = command.Split(' ');
            var resp = new StringBuilder($"*{parts.Length}\r\n");
            foreach (var part in parts)
            {
                resp.Append(System.Globalization.CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(resp.ToString())).AsTask().WaitAsync(Timeout);
            replies.Add(await reader.ReadLineAsync().WaitAsync(Timeout) ?? "");
        }

        return replies;
    }
}
