using System.Net;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PhoneBridge.Twilio;

namespace PinCovisor.Web.Tests.Ivr;

[Collection(RedisCollection.Name)]
public sealed class ProxyTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task BehindAProxyTheSignatureIsCheckedAgainstBaseUrlOverrideAndTwiMLLinksUseIt()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["Twilio:BaseUrlOverride"] = "https://shop.example/phone/" });
        using var http = host.CreateLoopbackClient();
        var call = TwilioCaller.InboundCall(TwilioCaller.NewCallSid());
        var publicSignature = TwilioSignature.Compute(PinCovisorHost.AuthToken, "https://shop.example/phone/twilio/voice", call);
        var loopbackSignature = TwilioSignature.Compute(PinCovisorHost.AuthToken, new Uri(http.BaseAddress!, "/twilio/voice").ToString(), call);

        using var accepted = await PostAsync(http, call, publicSignature);
        using var refused = await PostAsync(http, call, loopbackSignature);

        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await accepted.Content.ReadAsStringAsync().WaitAsync(Timeout)).Should().Contain("https://shop.example/phone/twilio/voice/menu?repeats=0");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ForwardedHeadersFromATrustedProxyRebuildThePublicUrl()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });
        using var http = host.CreateLoopbackClient();
        var call = TwilioCaller.InboundCall(TwilioCaller.NewCallSid());
        var signature = TwilioSignature.Compute(PinCovisorHost.AuthToken, "https://shop.example/twilio/voice", call);

        using var response = await PostAsync(http, call, signature, ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "shop.example"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ForwardedHeadersFromAnUntrustedPeerAreIgnored()
    {
        // Only 192.0.2.10 (a documentation address) is a proxy; this loopback client is not.
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "192.0.2.10" });
        using var http = host.CreateLoopbackClient();
        var call = TwilioCaller.InboundCall(TwilioCaller.NewCallSid());
        var signature = TwilioSignature.Compute(PinCovisorHost.AuthToken, "https://shop.example/twilio/voice", call);

        using var response = await PostAsync(http, call, signature, ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "shop.example"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static async Task<HttpResponseMessage> PostAsync(
        HttpClient http, List<KeyValuePair<string, string>> form, string signature, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/voice") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await http.SendAsync(request).WaitAsync(Timeout);
    }
}
