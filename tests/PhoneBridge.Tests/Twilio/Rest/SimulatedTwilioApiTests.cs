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
