using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

using PhoneBridge.Testing.Web;

namespace PhoneBridge.Tests.Twilio.Rest;

public sealed class SimulatedTwilioApiTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly string Account = $"/2010-04-01/Accounts/{LoopbackTwilioApi.AccountSid}";

    [Fact]
    public async Task ARequestWithoutTheAccountsCredentialsGetsTwiliosAuthenticateError()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        using var http = new HttpClient { BaseAddress = api.BaseAddress };

        using var response = await http.PostAsync(Account + "/Messages.json", Form(("To", "+34611222333"))).WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be("Basic");
        (await JsonAsync(response)).Should().BeEquivalentTo(new Dictionary<string, object>
        {
            ["code"] = 20003, ["message"] = "Authenticate", ["more_info"] = "https://www.twilio.com/docs/errors/20003", ["status"] = 401,
        });
        api.Received.Should().BeEmpty();
    }

    [Theory]
    [InlineData("/Messages.json", "From=%2B34910000000&Body=PIN", 21604)]
    [InlineData("/Messages.json", "To=%2B34611222333&Body=PIN", 21603)]
    [InlineData("/Messages.json", "To=%2B34611222333&From=%2B34910000000", 21602)]
    [InlineData("/Messages.json", "To=%2B34611222333&From=%2B34910000000&MediaUrl=duna.png", 21620)]
    [InlineData("/Messages.json", "To=%2B34611222333&From=%2B34910000000&Body=PIN&StatusCallback=ftp%3A%2F%2Fshop.example%2Fs", 21609)]
    [InlineData("/Calls.json", "From=%2B34910000000&Url=https%3A%2F%2Fshop.example%2Fa", 21201)]
    [InlineData("/Calls.json", "To=%2B34611222333&Url=https%3A%2F%2Fshop.example%2Fa", 21213)]
    [InlineData("/Calls.json", "To=%2B34611222333&From=%2B34910000000", 21205)]
    [InlineData("/Calls.json", "To=%2B34611222333&From=%2B34910000000&Twiml=%3CSay%3E", 21232)]
    public async Task AMissingOrBadFieldIsRefusedWithTwiliosCodeForIt(string path, string form, int code)
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        using var http = Authenticated(api);

        using var response = await http.PostAsync(Account + path,
            new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded")).WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonAsync(response))["code"].Should().Be(code);
        api.Received.Should().BeEmpty();
        api.Api.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task AnotherAccountsPathIsNotFound()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        using var http = Authenticated(api);

        using var response = await http.GetAsync($"/2010-04-01/Accounts/AC{new string('2', 32)}/Calls/CA{new string('0', 32)}.json").WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await JsonAsync(response))["code"].Should().Be(20404);
    }

    [Fact]
    public async Task ACallIsDescribedInTwiliosJsonShape()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 5, 35, 21, TimeSpan.Zero));
        await using var api = await LoopbackTwilioApi.StartAsync(time: time);
        using var http = Authenticated(api);
        var callSid = "CA" + new string('a', 32);
        api.Api.AddCall(callSid, "+34611222333", "+34910000000");

        using var response = await http.GetAsync($"{Account}/Calls/{callSid}.json").WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var call = await JsonAsync(response);
        call.Should().Contain(new Dictionary<string, object?>
        {
            ["sid"] = callSid, ["account_sid"] = LoopbackTwilioApi.AccountSid, ["status"] = "in-progress", ["direction"] = "inbound",
            ["from"] = "+34611222333", ["to"] = "+34910000000", ["date_created"] = "Thu, 03 Dec 2026 05:35:21 +0000",
            ["api_version"] = "2010-04-01", ["uri"] = $"{Account}/Calls/{callSid}.json",
        });
    }

    [Fact]
    public async Task AMessageOfMediaOrATemplateKeepsItsStatusCallbackAndAnswersInTwiliosShape()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        using var http = Authenticated(api);

        using var response = await http.PostAsync(Account + "/Messages.json", new FormUrlEncodedContent(
        [
            new("To", "whatsapp:+34611222333"), new("From", "whatsapp:+34910000000"), new("MediaUrl", "https://shop.example/a.png"),
            new("MediaUrl", "https://shop.example/b.png"), new("StatusCallback", "https://shop.example/twilio/messaging/status"),
            new("ContentSid", "HX" + new string('c', 32)), new("ContentVariables", """{"1":"Lucía"}"""),
        ])).WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var message = api.Received.Should().ContainSingle().Which;
        message.Body.Should().BeEmpty();
        message.MediaUrls.Select(u => u.ToString()).Should().Equal("https://shop.example/a.png", "https://shop.example/b.png");
        message.StatusCallback.Should().Be(new Uri("https://shop.example/twilio/messaging/status"));
        message.ContentSid.Should().Be("HX" + new string('c', 32));
        message.ContentVariables.Should().Be("""{"1":"Lucía"}""");
        (await JsonAsync(response)).Should().Contain(new Dictionary<string, object?>
        {
            ["sid"] = message.Sid, ["body"] = "", ["num_media"] = "2", ["status"] = "queued", ["to"] = "whatsapp:+34611222333",
            ["uri"] = $"{Account}/Messages/{message.Sid}.json",
        });
    }

    [Fact]
    public async Task AnInboundMessagesMediaIsServedWithItsContentTypeToTheAccountOnly()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        using var http = Authenticated(api);
        using var anonymous = new HttpClient { BaseAddress = api.BaseAddress };
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 7, 7];
        var media = api.Api.AddMedia(jpeg, "image/jpeg");

        using var served = await http.GetAsync(media.Path).WaitAsync(Timeout);
        using var refused = await anonymous.GetAsync(media.Path).WaitAsync(Timeout);
        using var unknown = await http.GetAsync(media.Path[..^34] + "ME" + new string('0', 32)).WaitAsync(Timeout);

        media.MessageSid.Should().MatchRegex("^MM[0-9a-f]{32}$");
        media.Path.Should().Be($"{Account}/Messages/{media.MessageSid}/Media/{media.Sid}");
        served.StatusCode.Should().Be(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        (await served.Content.ReadAsByteArrayAsync().WaitAsync(Timeout)).Should().Equal(jpeg);
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await JsonAsync(unknown))["code"].Should().Be(20404);
    }

    private static HttpClient Authenticated(LoopbackTwilioApi api)
    {
        var http = new HttpClient { BaseAddress = api.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
            Encoding.UTF8.GetBytes($"{LoopbackTwilioApi.AccountSid}:{PinCovisorHost.AuthToken}")));
        return http;
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static async Task<Dictionary<string, object?>> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync().WaitAsync(Timeout));
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)(p.Value.ValueKind switch
        {
            JsonValueKind.Number => p.Value.GetInt32(),
            JsonValueKind.String => p.Value.GetString(),
            JsonValueKind.Null => null,
            _ => p.Value.GetRawText(),
        }));
    }
}
