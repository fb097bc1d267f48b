using System.Net;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Agents;

namespace PinCovisor.Web.Tests.Security;

/// <summary>
/// The agents' login attacked: guessing fast from one address, spread over many addresses, and
/// failing on purpose to lock an agent out. A client's failures hold that client back; a username
/// under attack slows down but stays open to the right password from anyone who has not failed.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class LoginAttackTests(RedisServers servers)
{
    private const string Password = "ana-dev-password";

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task FiftyParallelWrongPasswordsFromOneClientGetFiveChecksAndTheRestA429(RedisServerKind kind)
    {
        await using var host = Start(servers, kind);
        using var http = host.CreateLoopbackClient();
        using var hashes = new CounterWatch(host.Services, AgentPasswords.MeterName, "pinc.agent.password_checks");
        var attacker = AgentHosts.NewClientAddress();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => StatusAsync(http, "ana", "guess-" + i, attacker)));
        var right = await StatusAsync(http, "ana", Password, attacker);

        answers.Count(s => s == HttpStatusCode.Unauthorized).Should().Be(5);
        answers.Count(s => s == HttpStatusCode.TooManyRequests).Should().Be(45);
        hashes.Total.Should().Be(5, "a refused attempt costs no password hash");
        right.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task FailuresFromManyAddressesSlowAUsernameDownButNeverRefuseTheRightPasswordFromAnAddressThatHasNotFailed(RedisServerKind kind)
    {
        await using var host = Start(servers, kind, new Dictionary<string, string?>
        {
            ["AgentLogin:SlowDownAfter"] = "10",
            ["AgentLogin:SlowDownDelay"] = "00:00:00.200",
        });
        using var http = host.CreateLoopbackClient();
        var attackers = Enumerable.Range(0, 6).Select(_ => AgentHosts.NewClientAddress()).ToList();

        // Six addresses, five failures each: 30 failures for one username, three times the slow-down threshold.
        var failures = await Task.WhenAll(attackers.SelectMany(a => Enumerable.Range(0, 5).Select(i => StatusAsync(http, "ana", $"guess-{i}", a))));
        var lockedAttacker = await StatusAsync(http, "ana", Password, attackers[0]);
        var sameAttackerOtherAgent = await StatusAsync(http, "bruno", "not-brunos-password", attackers[0]);
        var agent = await StatusAsync(http, "ana", Password, AgentHosts.NewClientAddress());

        failures.Should().OnlyContain(s => s == HttpStatusCode.Unauthorized, "each address stays within its own limit");
        lockedAttacker.Should().Be(HttpStatusCode.TooManyRequests, "an address that failed five times for ana waits");
        sameAttackerOtherAgent.Should().Be(HttpStatusCode.Unauthorized, "its limit for ana says nothing about bruno");
        agent.Should().Be(HttpStatusCode.OK, "the username is under attack, yet the agent gets in");
        host.Logs.Lines.Should().Contain(l => l.Contains("waits 200 ms before its check", StringComparison.Ordinal),
            "logins for a username under attack were slowed down");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task UnknownMalformedAndDisabledUsernamesCostOnePasswordHashEachLikeAWrongPassword(RedisServerKind kind)
    {
        var disabled = AgentHosts.NewUsername();
        var settings = AgentHosts.Agent(2, disabled, password: "disabled-password");
        settings[$"Agents:2:Disabled"] = "true";
        await using var host = Start(servers, kind, settings);
        using var http = host.CreateLoopbackClient();
        using var hashes = new CounterWatch(host.Services, AgentPasswords.MeterName, "pinc.agent.password_checks");

        var answers = new List<HttpStatusCode>();
        foreach (var username in new[] { "ana", AgentHosts.NewUsername(), "not a valid username!", disabled })
        {
            var before = hashes.Total;
            answers.Add(await StatusAsync(http, username, "wrong-password", AgentHosts.NewClientAddress()));
            (hashes.Total - before).Should().Be(1, $"logging in as '{username}' checks one hash");
        }

        answers.Should().OnlyContain(s => s == HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AddressesInOneIPv6Slash64ShareALimitAndTheNextSlash64DoesNot(RedisServerKind kind)
    {
        await using var host = Start(servers, kind);
        using var http = host.CreateLoopbackClient();
        var prefix = $"2001:db8:{Random.Shared.Next(0x10000):x}:{Random.Shared.Next(0x10000):x}";

        var failures = new List<HttpStatusCode>();
        for (var i = 1; i <= 5; i++)
        {
            failures.Add(await StatusAsync(http, "ana", "guess", $"{prefix}::{i:x}"));
        }

        var sameSlash64 = await StatusAsync(http, "ana", Password, $"{prefix}:ffff:ffff:ffff:ffff");
        var neighbour = await StatusAsync(http, "ana", Password, NextSlash64(prefix) + "::1");

        failures.Should().OnlyContain(s => s == HttpStatusCode.Unauthorized);
        sameSlash64.Should().Be(HttpStatusCode.TooManyRequests, "one subscriber holds the whole /64");
        neighbour.Should().Be(HttpStatusCode.OK);
    }

    private static PinCovisorHost Start(RedisServers servers, RedisServerKind kind, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>())
        {
            ["Agents:0:Password"] = Password,
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        };
        return AgentHosts.Start(servers, kind, settings);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string username, string password, string client)
    {
        using var response = await AgentClient.PostLoginAsync(http, username, password, client);
        return response.StatusCode;
    }

    private static string NextSlash64(string prefix)
    {
        var groups = prefix.Split(':');
        groups[^1] = ((Convert.ToInt32(groups[^1], 16) + 1) % 0x10000).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        return string.Join(':', groups);
    }
}
