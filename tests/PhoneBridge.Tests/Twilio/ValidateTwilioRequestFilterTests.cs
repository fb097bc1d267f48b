using System.Net;
using System.Text;

using Microsoft.Extensions.Logging;

using Microsoft.Extensions.Logging.Testing;
using PhoneBridge.Twilio;

namespace PhoneBridge.Tests.Twilio;

/// <summary>The endpoint filter, through real Kestrel on loopback and HttpClient.</summary>
public sealed class ValidateTwilioRequestFilterTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    private static readonly KeyValuePair<string, string>[] Call =
    [
        new("CallSid", "CA0123456789abcdef0123456789abcdef"),
        new("From", "+15551230000"),
        new("Digits", "1234"),
    ];

    [Fact]
    public async Task ASignedFormPostReachesTheHandler()
    {
        await using TwilioTestServer server = await StartAsync();

        using HttpResponseMessage response = await server.PostFormAsync("/twilio/voice", Call).WaitAsync(TestTimeout);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        server.Runs.Should().Equal("voice 1234");
    }

    [Fact]
    public async Task APostWithoutSignatureGetsABare403AndTheHandlerDoesNotRun()
    {
        await using TwilioTestServer server = await StartAsync();

        using HttpRequestMessage request = new(HttpMethod.Post, "/twilio/voice") { Content = new FormUrlEncodedContent(Call) };
        using HttpResponseMessage response = await server.SendAsync(request, signature: null).WaitAsync(TestTimeout);

        await AssertBare403Async(server, response);
    }

    [Fact]
    public async Task AWrongSignatureGetsABare403AndTheHandlerDoesNotRun()
    {
        await using TwilioTestServer server = await StartAsync();

        using HttpResponseMessage response = await server.PostFormAsync("/twilio/voice", Call, signature: "bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==")
            .WaitAsync(TestTimeout);

        await AssertBare403Async(server, response);
    }

    [Fact]
    public async Task ATamperedParameterGetsABare403AndTheHandlerDoesNotRun()
    {
        await using TwilioTestServer server = await StartAsync();
        KeyValuePair<string, string>[] tampered = [.. Call[..2], new("Digits", "9999")];

        using HttpResponseMessage response = await server.PostFormAsync("/twilio/voice", tampered, signedFields: Call)
            .WaitAsync(TestTimeout);

        await AssertBare403Async(server, response);
    }

    [Fact]
    public async Task AwkwardFieldsRepeatedNamesAndNamesDifferingOnlyInCaseValidate()
    {
        await using TwilioTestServer server = await StartAsync();
        KeyValuePair<string, string>[] fields =
        [
            .. Call, new("Body", "It's Zoë & Ñandú + 😀 = 100%"), new("body", "lower-case twin"),
            new("StirVerstat", ""), new("Tag", "b"), new("Tag", "a"), new("Tag", "b"),
        ];

        using HttpResponseMessage response = await server.PostFormAsync("/twilio/voice?shop=O'Brien&x=a%20b", fields)
            .WaitAsync(TestTimeout);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        server.Runs.Should().Equal("voice 1234");
    }

    [Fact]
    public async Task ASignedFieldHoldingANulReachesTheHandlerExactlyAsSigned()
    {
        await using TwilioTestServer server = await StartAsync();
        KeyValuePair<string, string>[] fields = [.. Call[..2], new("Digits", "1\0\n2"), new("digits", "3")];

        using HttpResponseMessage response = await server.PostFormAsync("/twilio/voice", fields).WaitAsync(TestTimeout);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "ASP.NET's own form reader throws on %00; the handler gets the verified fields instead");
        server.Runs.Should().Equal("voice 1\0\n2,3");
    }

    [Fact]
    public async Task WithBaseUrlOverrideThePublicUrlIsTheSignedOne()
    {
        await using TwilioTestServer server = await TwilioTestServer.StartAsync("https://shop.example/phone/").WaitAsync(TestTimeout);

        using HttpResponseMessage publicUrl = await server.PostFormAsync("/twilio/voice", Call, signedUrl: "https://shop.example/phone/twilio/voice")
            .WaitAsync(TestTimeout);
        using HttpResponseMessage loopbackUrl = await server.PostFormAsync("/twilio/voice", Call).WaitAsync(TestTimeout);

        AssertOnlyTheFirstWasAccepted(server, publicUrl, loopbackUrl, "voice 1234");
    }

    [Fact]
    public async Task BasicAuthCredentialsAreCheckedAsTheUserinfoOfTheSignedUrl()
    {
        await using TwilioTestServer server = await StartAsync();
        string signedUrl = $"http://shop:s3cret@{server.Address.Authority}/twilio/voice";

        using HttpResponseMessage withCredentials = await server.PostFormAsync("/twilio/voice", Call, signedUrl, basicAuth: "shop:s3cret")
            .WaitAsync(TestTimeout);
        using HttpResponseMessage withoutCredentials = await server.PostFormAsync("/twilio/voice", Call, signedUrl).WaitAsync(TestTimeout);

        AssertOnlyTheFirstWasAccepted(server, withCredentials, withoutCredentials, "voice 1234");
    }

    [Theory]
    [InlineData("http", "shop.example:80", "http://shop.example/twilio/voice", true)]
    [InlineData("http", "shop.example:80", "http://shop.example:80/twilio/voice", true)]
    [InlineData("http", "shop.example", "http://shop.example:80/twilio/voice", true)]
    [InlineData("https", "shop.example:443", "https://shop.example/twilio/voice", true)]
    [InlineData("https", "shop.example:443", "https://shop.example:443/twilio/voice", true)]
    [InlineData("https", "shop.example", "https://shop.example:443/twilio/voice", true)]
    [InlineData("https", "shop.example:8443", "https://shop.example/twilio/voice", true)]
    [InlineData("https", "xn--bcher-kva.example", "https://xn--bcher-kva.example/twilio/voice", true)]
    [InlineData("https", "shop.example", "https://shop.example:8443/twilio/voice", false)]
    [InlineData("https", "shop.example:8443", "https://shop.example:443/twilio/voice", false)]
    [InlineData("http", "shop.example", "https://shop.example/twilio/voice", false)]
    [InlineData("https", "Shop.example", "https://shop.example/twilio/voice", false)]
    public async Task ARequestValidatesSignedWithOrWithoutTheDefaultPortButNotForAnotherPortSchemeOrHost(
        string scheme, string host, string signedUrl, bool accepted)
    {
        await using TwilioTestServer server = await StartAsync();

        using HttpResponseMessage response = await server.SendAsTwilioAsync(
            new RandomUrl(scheme, string.Empty, host, string.Empty, "/twilio/voice"), new FormUrlEncodedContent(Call),
            TwilioSignature.Compute(TwilioTestServer.AuthToken, signedUrl, Call)).WaitAsync(TestTimeout);

        if (accepted)
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            server.Runs.Should().Equal("voice 1234");
        }
        else
        {
            await AssertBare403Async(server, response);
        }
    }

    [Theory]
    [InlineData("[0::1]:8080")]
    [InlineData("127.1")]
    public async Task AHostSystemUriWritesDifferentlyGetsABare403NotA500(string host)
    {
        await using TwilioTestServer server = await StartAsync();

        // The validator's port variation cannot find such a host in the URL and throws.
        using HttpResponseMessage response = await server.SendAsTwilioAsync(
            new RandomUrl("https", string.Empty, host, string.Empty, "/twilio/voice"), new FormUrlEncodedContent(Call), "bm90IGEgc2lnbmF0dXJl")
            .WaitAsync(TestTimeout);

        await AssertBare403Async(server, response);
    }

    [Fact]
    public async Task AJsonBodyMatchingBodySha256ValidatesAndStaysReadableForTheHandler()
    {
        await using TwilioTestServer server = await StartAsync();
        const string Body = """{"CallSid":"CA1","Text":"It's Zoë 😀"}""";

        using HttpResponseMessage response = await server.PostJsonAsync("/twilio/events", Body).WaitAsync(TestTimeout);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        server.Runs.Should().Equal("events " + Body);
    }

    [Fact]
    public async Task AJsonBodyThatDoesNotMatchBodySha256GetsABare403()
    {
        await using TwilioTestServer server = await StartAsync();

        using HttpResponseMessage response = await server.PostJsonAsync("/twilio/events", """{"Amount":1000}""", signedBody: """{"Amount":10}""")
            .WaitAsync(TestTimeout);

        await AssertBare403Async(server, response);
    }

    [Fact]
    public async Task HandlersThatBindTheFormOrJsonBodyStillGetValidatedRequests()
    {
        await using TwilioTestServer server = await StartAsync();

        using HttpResponseMessage form = await server.PostFormAsync("/twilio/bound-form", Call).WaitAsync(TestTimeout);
        using HttpResponseMessage json = await server.PostJsonAsync("/twilio/bound-json", """{"a":1}""").WaitAsync(TestTimeout);
        using HttpResponseMessage forged = await server.PostFormAsync("/twilio/bound-form", Call, signature: "forged")
            .WaitAsync(TestTimeout);

        form.StatusCode.Should().Be(HttpStatusCode.OK);
        json.StatusCode.Should().Be(HttpStatusCode.OK);
        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        server.Runs.Should().Equal("bound-form 1234", """bound-json {"a":1}""");
    }

    [Fact]
    public async Task ASignedGetWithoutBodyIsCheckedOverTheUrlAlone()
    {
        await using TwilioTestServer server = await StartAsync();
        string url = new Uri(server.Address, "/twilio/status?CallSid=CA1&CallStatus=completed").AbsoluteUri;

        using HttpRequestMessage signed = new(HttpMethod.Get, url);
        using HttpResponseMessage ok = await server.SendAsync(signed, TwilioSignature.Compute(TwilioTestServer.AuthToken, url, null))
            .WaitAsync(TestTimeout);
        using HttpRequestMessage altered = new(HttpMethod.Get, url.Replace("completed", "failed", StringComparison.Ordinal));
        using HttpResponseMessage forbidden = await server.SendAsync(altered, TwilioSignature.Compute(TwilioTestServer.AuthToken, url, null))
            .WaitAsync(TestTimeout);

        AssertOnlyTheFirstWasAccepted(server, ok, forbidden, "status");
    }

    [Fact]
    public async Task OtherBodiesGetABare403EvenWhenTheUrlIsSigned()
    {
        await using TwilioTestServer server = await StartAsync();
        string url = new Uri(server.Address, "/twilio/events").AbsoluteUri;

        using HttpRequestMessage request = new(HttpMethod.Post, url) { Content = new StringContent("hello", Encoding.UTF8, "text/plain") };
        using HttpResponseMessage response = await server.SendAsync(request, TwilioSignature.Compute(TwilioTestServer.AuthToken, url, null))
            .WaitAsync(TestTimeout);

        await AssertBare403Async(server, response);
    }

    [Fact]
    public async Task RejectionsAreLoggedWithPathAndReasonButNeitherSignatureNorToken()
    {
        await using TwilioTestServer server = await StartAsync();
        const string Signature = "c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw==";

        using HttpResponseMessage response = await server.PostFormAsync("/twilio/voice?From=%2B15551230000", Call, signature: Signature)
            .WaitAsync(TestTimeout);

        // ASP.NET's own request logging is the host's business; ours must not leak anything.
        List<FakeLogRecord> ours = [.. server.Logs.GetSnapshot().Where(e => e.Category?.StartsWith("PhoneBridge", StringComparison.Ordinal) == true)];
        ours.Should().ContainSingle(e => e.Id.Id == 1100).Which.Message
            .Should().Contain("/twilio/voice").And.Contain(nameof(TwilioRejection.InvalidSignature));
        ours.Should().NotContain(e => e.Message.Contains(Signature, StringComparison.Ordinal)
            || e.Message.Contains(TwilioTestServer.AuthToken, StringComparison.Ordinal)
            || e.Message.Contains("5551230000", StringComparison.Ordinal));
    }

    private static void AssertOnlyTheFirstWasAccepted(TwilioTestServer server, HttpResponseMessage accepted, HttpResponseMessage rejected, string run)
    {
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        rejected.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        server.Runs.Should().Equal(run);
    }

    private static Task<TwilioTestServer> StartAsync() => TwilioTestServer.StartAsync().WaitAsync(TestTimeout);

    private static async Task AssertBare403Async(TwilioTestServer server, HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsByteArrayAsync().WaitAsync(TestTimeout)).Should().BeEmpty();
        server.Runs.Should().BeEmpty("the handler must not run for a rejected request");
    }
}
