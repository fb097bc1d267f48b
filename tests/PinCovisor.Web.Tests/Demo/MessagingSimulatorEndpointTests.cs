using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Demo;
using PinCovisor.Web.Tests.Ivr;
using PinCovisor.Web.Tests.Media;
using RequestValidator = global::Twilio.Security.RequestValidator;

namespace PinCovisor.Web.Tests.Demo;

/// <summary>The server side of <c>/demo/whatsapp</c>: signing its webhooks, keeping its photos, and the shop's messages in the feed.</summary>
[Collection(RedisCollection.Name)]
public sealed class MessagingSimulatorEndpointTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    [Fact]
    public async Task AnInboundMessageIsSignedForTheMessagingWebhookAsTwilioSignsIt()
    {
        await using var host = HostFactory.StartDemo(servers);
        using var http = host.CreateLoopbackClient();
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + new string('a', 32), ["AccountSid"] = LoopbackTwilioApi.AccountSid, ["From"] = "whatsapp:+34600123456",
            ["To"] = "whatsapp:+34910000000", ["Body"] = "¿Tenéis la lámpara Duna?", ["NumMedia"] = "0", ["ProfileName"] = "Lucía",
            ["WaId"] = "34600123456", ["SmsStatus"] = "received", ["ApiVersion"] = "2010-04-01",
        };

        using var response = await http.PostAsJsonAsync("/demo/phone/sign", new SignRequest("/twilio/messaging", form)).WaitAsync(Timeout);
        var signed = (await response.Content.ReadFromJsonAsync<SignResponse>().WaitAsync(Timeout))!;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        signed.Path.Should().Be("/twilio/messaging");
        signed.Url.Should().Be(http.BaseAddress!.GetLeftPart(UriPartial.Authority) + "/twilio/messaging");
        new RequestValidator(PinCovisorHost.AuthToken).Validate(signed.Url, form, signed.Signature).Should().BeTrue();
        new RequestValidator(PinCovisorHost.AuthToken).Validate(signed.Url, new Dictionary<string, string>(form) { ["Body"] = "otra" }, signed.Signature)
            .Should().BeFalse("the signature covers the body");
    }

    [Fact]
    public async Task AStoredPhotoIsServedWithItsContentTypeOnlyToTheAccountsCredentials()
    {
        await using var host = HostFactory.StartDemo(servers);
        using var http = host.CreateLoopbackClient();

        var stored = await StoreAsync(http, Png, "image/png");
        var second = await StoreAsync(http, Png, "image/webp", stored.MessageSid);
        using var anonymous = await http.GetAsync(new Uri(stored.Url)).WaitAsync(Timeout);
        using var wrong = await GetAsync(http, stored.Url, "wrong-token");
        using var authorised = await GetAsync(http, stored.Url, PinCovisorHost.AuthToken);
        using var unknown = await GetAsync(http, stored.Url.Replace(stored.MediaSid, "ME" + new string('0', 32), StringComparison.Ordinal), PinCovisorHost.AuthToken);

        stored.MessageSid.Should().MatchRegex("^MM[0-9a-f]{32}$");
        stored.MediaSid.Should().MatchRegex("^ME[0-9a-f]{32}$");
        stored.Url.Should().Be(
            $"{http.BaseAddress!.GetLeftPart(UriPartial.Authority)}/demo/twilio-api/2010-04-01/Accounts/{LoopbackTwilioApi.AccountSid}/Messages/{stored.MessageSid}/Media/{stored.MediaSid}");
        stored.ContentType.Should().Be("image/png");
        second.MessageSid.Should().Be(stored.MessageSid, "a second photo of the same message");
        second.MediaSid.Should().NotBe(stored.MediaSid);
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        authorised.StatusCode.Should().Be(HttpStatusCode.OK);
        authorised.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        (await authorised.Content.ReadAsByteArrayAsync().WaitAsync(Timeout)).Should().Equal(Png);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("text/html", 12, null, HttpStatusCode.UnsupportedMediaType)]
    [InlineData("image/svg+xml", 12, null, HttpStatusCode.UnsupportedMediaType)]
    [InlineData("image/png", 0, null, HttpStatusCode.BadRequest)]
    [InlineData("image/png", 12, "SM00000000000000000000000000000000", HttpStatusCode.BadRequest)]
    [InlineData("image/jpeg", SimulatorMedia.MaxBytes + 1, null, HttpStatusCode.RequestEntityTooLarge)]
    public async Task APhotoTheSimulatorCannotKeepIsRefusedWithAProblem(string type, int length, string? message, HttpStatusCode status)
    {
        await using var host = HostFactory.StartDemo(servers);
        using var http = host.CreateLoopbackClient();
        using var content = new ByteArrayContent(new byte[length]);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);

        using var response = await http.PostAsync(new Uri("/demo/whatsapp/media" + (message is null ? "" : "?message=" + message), UriKind.Relative), content)
            .WaitAsync(Timeout);

        await response.ShouldBeProblemAsync(status);
    }

    [Fact]
    public async Task TheShopsMessageReachesTheFeedWithItsStatusCallbackMediaAndTemplate()
    {
        await using var host = HostFactory.StartDemo(servers);
        using var http = host.CreateLoopbackClient();
        var before = (await http.GetFromJsonAsync<DemoTwilioFeed>("/demo/phone/twilio-events").WaitAsync(Timeout))!.Next;
        using var api = host.CreateLoopbackClient();
        api.DefaultRequestHeaders.Authorization = Basic(PinCovisorHost.AuthToken);

        using var created = await api.PostAsync(
            new Uri($"/demo/twilio-api/2010-04-01/Accounts/{LoopbackTwilioApi.AccountSid}/Messages.json", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["To"] = "whatsapp:+34600123456", ["From"] = "whatsapp:+34910000000", ["Body"] = "¡Hola, Lucía!",
                ["StatusCallback"] = "http://localhost:5080/twilio/messaging/status", ["MediaUrl"] = "https://shop.example/duna.png",
                ["ContentSid"] = "HX" + new string('b', 32), ["ContentVariables"] = """{"1":"Lucía"}""",
            })).WaitAsync(Timeout);
        var feed = (await http.GetFromJsonAsync<DemoTwilioFeed>($"/demo/phone/twilio-events?after={before}").WaitAsync(Timeout))!;

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var message = feed.Events.Should().ContainSingle().Which;
        message.Kind.Should().Be("message.created");
        message.MessageSid.Should().MatchRegex("^SM[0-9a-f]{32}$");
        message.From.Should().Be("whatsapp:+34910000000");
        message.To.Should().Be("whatsapp:+34600123456");
        message.Body.Should().Be("¡Hola, Lucía!");
        message.StatusCallback.Should().Be("http://localhost:5080/twilio/messaging/status");
        message.MediaUrls.Should().Equal("https://shop.example/duna.png");
        message.ContentSid.Should().Be("HX" + new string('b', 32));
        message.ContentVariables.Should().Be("""{"1":"Lucía"}""");
    }

    private static async Task<SimulatorMediaStored> StoreAsync(HttpClient http, byte[] bytes, string type, string? message = null)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        using var response = await http.PostAsync(new Uri("/demo/whatsapp/media" + (message is null ? "" : "?message=" + message), UriKind.Relative), content)
            .WaitAsync(Timeout);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync().WaitAsync(Timeout));
        return (await response.Content.ReadFromJsonAsync<SimulatorMediaStored>().WaitAsync(Timeout))!;
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient http, string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url));
        request.Headers.Authorization = Basic(token);
        return http.SendAsync(request).WaitAsync(Timeout);
    }

    private static AuthenticationHeaderValue Basic(string token) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LoopbackTwilioApi.AccountSid}:{token}")));
}
