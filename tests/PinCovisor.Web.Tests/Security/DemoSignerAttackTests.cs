using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PhoneBridge.Twilio;
using PinCovisor.Web.Demo;
using PinCovisor.Web.Tests.Ivr;
using PinCovisor.Web.Tests.Media;

namespace PinCovisor.Web.Tests.Security;

/// <summary>
/// The phone simulator's signer makes requests the IVR takes for Twilio's. An outsider tries to
/// find it on a real host, or to make it sign for an origin of their choosing.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class DemoSignerAttackTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData(PinCovisorHost.TestingEnvironment)]
    public void OutsideDevelopmentTheDemoSwitchedOnStopsTheHostNamingTheSetting(string environment)
    {
        using var host = new PinCovisorHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "",
            ["Redis:Embedded"] = "true",
            ["environment"] = environment,
            ["Pages:DemoEnabled"] = "true",
        });

        var start = () => host.BaseAddress;

        start.Should().Throw<OptionsValidationException>().Which.Message.Should()
            .Contain("Pages:DemoEnabled").And.Contain(environment).And.Contain("Development");
    }

    [Theory]
    [InlineData("/twilio/voice")]
    [InlineData("http://evil.example/twilio/voice")]
    public async Task AForgedHostHeaderGetsNoSignatureForItsOrigin(string url)
    {
        await using var host = HostFactory.StartDemo(servers);
        using var http = host.CreateLoopbackClient();

        using var forged = await SignAsync(http, url, host: "evil.example");

        var detail = await forged.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        detail.Should().Contain(http.BaseAddress!.GetLeftPart(UriPartial.Authority)).And.Contain("Demo:Origin").And.NotContain("evil.example");
    }

    [Fact]
    public async Task TheSignatureIsForTheConfiguredOriginAndNoOther()
    {
        const string origin = "http://demo.example:8080";
        await using var host = HostFactory.StartDemo(servers, new Dictionary<string, string?> { ["Demo:Origin"] = origin });
        using var http = host.CreateLoopbackClient();
        var form = new Dictionary<string, string> { ["CallSid"] = TwilioCaller.NewCallSid() };

        using var atOrigin = await SignAsync(http, "/twilio/voice", form, host: "demo.example:8080");
        using var atSocket = await SignAsync(http, "/twilio/voice", form);

        atOrigin.StatusCode.Should().Be(HttpStatusCode.OK);
        var signed = (await atOrigin.Content.ReadFromJsonAsync<SignResponse>().WaitAsync(Timeout))!;
        signed.Url.Should().Be(origin + "/twilio/voice");
        signed.Signature.Should().Be(TwilioSignature.Compute(PinCovisorHost.AuthToken, origin + "/twilio/voice", form));
        await atSocket.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<HttpResponseMessage> SignAsync(HttpClient http, string url, Dictionary<string, string>? form = null, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/demo/phone/sign") { Content = JsonContent.Create(new SignRequest(url, form ?? [])) };
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return await http.SendAsync(request).WaitAsync(Timeout);
    }
}
