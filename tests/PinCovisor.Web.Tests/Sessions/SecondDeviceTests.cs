using System.Net;
using System.Text.Json;
using System.Web;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Tests.Sessions;

[Collection(RedisCollection.Name)]
public sealed class SecondDeviceTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnAdmittedCustomersLinkBringsASecondDeviceInAdmittedButOnlyOnce(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind);
        var seeded = await SessionSeeder.SeedAsync(host.Host);
        var link = await MintAsync(host, seeded.SessionId, seeded.CustomerToken);
        var code = HttpUtility.ParseQueryString(link.Url.Query)["device"]!;
        var phone = host.Api.FromAnotherClient();

        var joined = await phone.JoinedDeviceAsync(code, "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36");
        using var again = await phone.JoinDeviceAsync(code);
        using var badPin = await phone.JoinAsync("000000");

        link.Url.GetLeftPart(UriPartial.Path).Should().Be(new Uri(host.Host.BaseAddress, "/join").ToString());
        code.Should().MatchRegex("^[A-Za-z0-9_-]{22}$");
        link.ExpiresAt.Should().Be(host.Clock.GetUtcNow().AddMinutes(10));
        link.QrSvg.Should().Contain("<svg").And.Contain("</svg>");
        joined.SessionId.Should().Be(seeded.SessionId);
        joined.Admission.Should().Be("admitted", "it is the same customer, already let in");
        joined.Agent!.DisplayName.Should().Be("Ana");
        joined.Token.Should().NotBe(seeded.CustomerToken);
        again.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await again.Content.ReadAsByteArrayAsync().WaitAsync(Timeout))
            .Should().Equal(await badPin.Content.ReadAsByteArrayAsync().WaitAsync(Timeout), "a used link is refused exactly like a bad PIN");
        var participants = await host.Get<RedisSessionStore>().ListParticipantsAsync(seeded.SessionId).WaitAsync(Timeout);
        participants.Should().HaveCount(2);
        participants.Single(p => p.Id != seeded.ParticipantId).Device.Should().Be("Chrome on Android");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ALinkExpiresAfterTenMinutes(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind);
        var seeded = await SessionSeeder.SeedAsync(host.Host);
        var link = await MintAsync(host, seeded.SessionId, seeded.CustomerToken);

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        using var late = await host.Api.FromAnotherClient().JoinDeviceAsync(HttpUtility.ParseQueryString(link.Url.Query)["device"]!);

        late.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task OnlyAnAdmittedCustomerOfTheSessionMayMintALink(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind);
        var seeded = await SessionSeeder.SeedAsync(host.Host);
        var other = await SessionSeeder.SeedAsync(host.Host);
        var (_, waitingToken) = await SessionSeeder.AddCustomerAsync(host.Host, seeded.SessionId, AdmissionState.Pending);

        using var waiting = await host.Api.PostAsync($"/api/sessions/{seeded.SessionId}/devices", waitingToken);
        using var stranger = await host.Api.PostAsync($"/api/sessions/{seeded.SessionId}/devices", other.CustomerToken);
        using var agent = await host.Api.PostAsync($"/api/sessions/{seeded.SessionId}/devices", seeded.AgentToken);

        waiting.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        stranger.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        agent.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task WrongDeviceCodesCountAgainstTheSameThrottleAsPins(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind);

        for (var i = 0; i < 10; i++)
        {
            using var refused = await host.Api.JoinDeviceAsync(new string((char)('a' + i), 22));
            refused.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        using var throttled = await host.Api.JoinAsync("123456");
        using var malformed = await host.Api.JoinDeviceAsync("short");

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("https://shop.example/help", "https://shop.example/help/join")]
    [InlineData("https://shop.example/help/", "https://shop.example/help/join")]
    [InlineData("", null)]
    public async Task PublicBaseUrlNamesTheLinksHostAndEmptyMeansTheRequestsOrigin(string configured, string? expected)
    {
        await using var host = SessionHost.Start(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["Sessions:PublicBaseUrl"] = configured });
        var seeded = await SessionSeeder.SeedAsync(host.Host);

        var link = await MintAsync(host, seeded.SessionId, seeded.CustomerToken);

        link.Url.GetLeftPart(UriPartial.Path).Should().Be(expected ?? new Uri(host.Host.BaseAddress, "/join").ToString());
    }

    private static async Task<DeviceLink> MintAsync(SessionHost host, string sessionId, string token)
    {
        using var minted = await host.Api.PostAsync($"/api/sessions/{sessionId}/devices", token);
        return await SessionsApi.ReadAsync<DeviceLink>(minted);
    }

    private sealed record DeviceLink(Uri Url, DateTimeOffset ExpiresAt, string QrSvg);
}
