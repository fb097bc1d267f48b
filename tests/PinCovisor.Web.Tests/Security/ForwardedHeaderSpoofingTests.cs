using System.Net;
using System.Net.Http.Json;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PhoneBridge.Twilio;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Security;

/// <summary>
/// A client that reaches the host directly (here from loopback, which ASP.NET trusts by default)
/// and writes X-Forwarded-* itself, to pass for another client or another public URL.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class ForwardedHeaderSpoofingTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly Dictionary<string, string?> TrustLoopback = new() { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" };

    [Fact]
    public async Task WithNoProxyConfiguredAForgedXForwardedForDoesNotBuyAFreshThrottleBucket()
    {
        await using var host = StartWithNewVisitorLimit(2);
        using var http = host.CreateLoopbackClient();

        var answers = new List<HttpStatusCode>();
        foreach (var address in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3" })
        {
            using var response = await NewVisitorAsync(http, address);
            answers.Add(response.StatusCode);
        }

        answers.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task WithLoopbackListedAsAProxyItsXForwardedForNamesTheClient()
    {
        await using var host = StartWithNewVisitorLimit(2, TrustLoopback);
        using var http = host.CreateLoopbackClient();

        var answers = new List<HttpStatusCode>();
        foreach (var address in new[] { "198.51.100.1", "198.51.100.1", "198.51.100.1", "198.51.100.2" })
        {
            using var response = await NewVisitorAsync(http, address);
            answers.Add(response.StatusCode);
        }

        answers.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(false, HttpStatusCode.Forbidden, HttpStatusCode.OK)]
    [InlineData(true, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    public async Task ForgedProtoAndHostMakeTheUrlTwilioSignaturesAreCheckedAgainstOnlyWhenLoopbackIsAListedProxy(
        bool loopbackListed, HttpStatusCode signedForForwardedUrl, HttpStatusCode signedForSocketUrl)
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, loopbackListed ? TrustLoopback : null);
        using var http = host.CreateLoopbackClient();
        var call = TwilioCaller.InboundCall(TwilioCaller.NewCallSid());
        var forwardedUrl = TwilioSignature.Compute(PinCovisorHost.AuthToken, "https://shop.example/twilio/voice", call);
        var socketUrl = TwilioSignature.Compute(PinCovisorHost.AuthToken, new Uri(http.BaseAddress!, "/twilio/voice").ToString(), call);

        using var forwarded = await PostVoiceAsync(http, call, forwardedUrl);
        using var socket = await PostVoiceAsync(http, call, socketUrl);

        forwarded.StatusCode.Should().Be(signedForForwardedUrl);
        socket.StatusCode.Should().Be(signedForSocketUrl);
    }

    private PinCovisorHost StartWithNewVisitorLimit(int limit, IDictionary<string, string?>? settings = null) =>
        HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Visitors:MaxNewVisitorsPerMinute"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:AllowedOrigins:0"] = "https://shop.example",
        });

    private static async Task<HttpResponseMessage> NewVisitorAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/visitors/pageview")
        {
            Content = JsonContent.Create(new { url = "https://shop.example/" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await http.SendAsync(request).WaitAsync(Timeout);
    }

    private static async Task<HttpResponseMessage> PostVoiceAsync(HttpClient http, List<KeyValuePair<string, string>> form, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/voice") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "shop.example");
        return await http.SendAsync(request).WaitAsync(Timeout);
    }
}
