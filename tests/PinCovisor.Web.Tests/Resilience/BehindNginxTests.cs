using System.Net;
using System.Security.Cryptography;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PhoneBridge.Twilio;
using PinCovisor.Web.Tests.Hub;

namespace PinCovisor.Web.Tests.Resilience;

/// <summary>Two hosts on one redis-server behind nginx with TLS, configured as docs/deploy/nginx.conf says.</summary>
public sealed class BehindNginxTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TwilioTheSiteAndTheHubWorkThroughNginxAndAClientResumesOnTheOtherHostWhenItsHostStops()
    {
        using var redis = RedisServerProcess.Start();
        var settings = ShopSettings.With(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Pins:SecretKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            // nginx, and only nginx, may say who the client is and which URL it asked for.
            ["ForwardedHeaders:KnownProxies:0"] = NginxProcess.UpstreamAddress,
        });
        var hosts = new[] { new PinCovisorHost(settings), new PinCovisorHost(settings) };
        try
        {
            using var nginx = NginxProcess.Start([.. hosts.Select(h => h.BaseAddress)]);
            using var https = nginx.CreateClient();

            // Twilio signs the public https URL and the hosts rebuild it from nginx's X-Forwarded-*
            // headers; the customer's site and both hub connections go over TLS and WebSockets.
            var door = new FrontDoor(nginx.CreateClient, nginx.BaseAddress, nginx.IsOurs);
            await using var session = await AdmittedCall.StartAsync(door, door, hosts[0]);
            await session.BothSeeAsync(await session.ExchangeAsync("before", 3));

            // The same kind of signed request straight to a host, carrying the headers nginx would
            // add: they come from 127.0.0.1, not from nginx, so the host reads its own URL and the
            // signature fails.
            await ShouldRefuseForgedForwardingAsync(hosts[0], nginx);

            // The host nginx sends this client to stops; both connections come back through nginx on
            // the other host and rejoin after the last event they applied.
            var serving = await AnsweredByAsync(https);
            var stopped = hosts.Single(h => $"127.0.0.1:{h.BaseAddress.Port}" == serving);
            await stopped.DisposeAsync();
            await session.Agent.Events.WaitAsync(() => session.Agent.Reconnections, n => n >= 1, Timeout);
            await session.Customer.Events.WaitAsync(() => session.Customer.Reconnections, n => n >= 1, Timeout);
            (await AnsweredByAsync(https)).Should().NotBe(serving);
            await session.BothSeeAsync(await session.ExchangeAsync("after", 3));
            nginx.ErrorLog.Should().NotContain("[emerg]");
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static async Task ShouldRefuseForgedForwardingAsync(PinCovisorHost host, NginxProcess nginx)
    {
        var form = TwilioCaller.InboundCall(TwilioCaller.NewCallSid());
        var publicUrl = new Uri(nginx.BaseAddress, "/twilio/voice").ToString();
        using var direct = host.CreateLoopbackClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/voice") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(PinCovisorHost.AuthToken, publicUrl, form));
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", nginx.BaseAddress.Authority);
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var response = await direct.SendAsync(request).WaitAsync(Timeout);
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static async Task<string> AnsweredByAsync(HttpClient https)
    {
        using var response = await https.GetAsync(new Uri("/healthz", UriKind.Relative)).WaitAsync(Timeout);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return NginxProcess.AnsweredBy(response);
    }
}
