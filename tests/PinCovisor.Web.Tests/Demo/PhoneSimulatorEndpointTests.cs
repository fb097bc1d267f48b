using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Calls;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Demo;
using PinCovisor.Web.Tests.Ivr;
using PinCovisor.Web.Tests.Media;

namespace PinCovisor.Web.Tests.Demo;

[Collection(RedisCollection.Name)]
public sealed class PhoneSimulatorEndpointTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ACallSignedByTheSimulatorHearsItsPinAndAnsweringAsAnaBindsTheCallToHer()
    {
        await using var host = HostFactory.StartDemo(servers);
        using var http = host.CreateLoopbackClient();
        var callSid = TwilioCaller.NewCallSid();
        var call = Form(TwilioCaller.InboundCall(callSid));

        var answer = await PostSignedAsync(http, "/twilio/voice", call);
        var pins = answer.PinsRead();
        var menu = answer.Verbs("Gather").Single().Attribute("action")!.Value;
        var route = await PostSignedAsync(http, menu, new(call) { ["Digits"] = "9" });
        var client = route.Verbs("Client").Single(c => c.Value == "ana");
        var leg = new Dictionary<string, string>(call)
        {
            ["CallSid"] = TwilioCaller.NewCallSid(),
            ["ParentCallSid"] = callSid,
            ["To"] = "client:ana",
            ["Direction"] = "outbound-dial",
            ["CallStatus"] = "in-progress",
        };
        var whisper = await PostSignedAsync(http, client.Attribute("url")!.Value, leg);

        pins.Should().HaveCount(2).And.OnlyContain(p => p == pins[0]);
        whisper.Spoken().Single().Should().EndWith(string.Join(", ", pins[0].ToCharArray()) + ".");
        using var ana = MediaUploads.ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));
        var live = await ana.GetFromJsonAsync<JsonArray>("/api/calls/live").WaitAsync(Timeout);
        live!.Should().Contain(c => (string?)c!["callSid"] == callSid && (string?)c["answeringAgent"] == "ana");
    }

    [Fact]
    public async Task BehindABaseUrlOverrideTheSimulatorSignsThePublicUrlAndPostsToThisHost()
    {
        await using var host = HostFactory.StartDemo(servers,
            new Dictionary<string, string?> { ["Twilio:BaseUrlOverride"] = "https://shop.example/phone" });
        using var http = host.CreateLoopbackClient();
        var call = Form(TwilioCaller.InboundCall(TwilioCaller.NewCallSid()));

        var answer = await PostSignedAsync(http, "/twilio/voice", call);
        var menu = answer.Verbs("Gather").Single().Attribute("action")!.Value;
        var route = await PostSignedAsync(http, menu, new(call) { ["Digits"] = "9" });

        menu.Should().StartWith("https://shop.example/phone/twilio/voice/menu");
        answer.PinsRead().Should().HaveCount(2);
        route.Verbs("Dial").Should().ContainSingle();
    }

    [Theory]
    [InlineData("https://evil.example/twilio/voice")]
    [InlineData("//evil.example/twilio/voice")]
    [InlineData("/api/join")]
    [InlineData("/twilio/../api/join")]
    [InlineData("http://127.0.0.1:1/twilio/voice")]
    [InlineData("")]
    public async Task UrlsThatAreNotThisHostsTwilioWebhooksAreNotSignedNorSent(string url)
    {
        await using var host = HostFactory.StartDemo(servers);
        using var http = host.CreateLoopbackClient();

        using var signed = await http.PostAsJsonAsync("/demo/phone/sign", new SignRequest(url, [])).WaitAsync(Timeout);
        using var sent = await http.PostAsJsonAsync("/demo/phone/send", new SignRequest(url, [])).WaitAsync(Timeout);

        await signed.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await sent.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TheEndOfACallSentForAClosingPageReachesTheStatusCallbackSignedAndEndsTheCall()
    {
        await using var host = HostFactory.StartDemo(servers);
        using var http = host.CreateLoopbackClient();
        var callSid = TwilioCaller.NewCallSid();
        var call = Form(TwilioCaller.InboundCall(callSid));
        await PostSignedAsync(http, "/twilio/voice", call);

        using var sent = await http.PostAsJsonAsync("/demo/phone/send",
            new SignRequest("/twilio/status", new(call) { ["CallStatus"] = "completed", ["CallDuration"] = "12" })).WaitAsync(Timeout);
        var record = await host.Services.GetRequiredService<RedisCallStore>().GetAsync(callSid).WaitAsync(Timeout);

        sent.StatusCode.Should().Be(HttpStatusCode.NoContent, "the status callback's own answer");
        record!.Status.Should().Be(CallStatus.Completed);
        record.EndedAfterSilence.Should().BeNull("the phone network's end, not the host's");
        host.Logs.Lines.Should().NotContain(l => l.Contains("SignatureRejected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSetupNamesTheShopsLineAndEveryAgentTheIvrRings()
    {
        await using var host = HostFactory.StartDemo(servers);
        using var http = host.CreateLoopbackClient();

        var setup = await http.GetFromJsonAsync<SimulatorSetup>("/demo/phone/setup").WaitAsync(Timeout);

        setup!.ShopNumber.Should().StartWith("+");
        setup.AccountSid.Should().Be("AC" + new string('1', 32));
        setup.Agents.Select(a => (a.Username, a.DisplayName, a.ClientIdentity)).Should().Equal(("ana", "Ana", "ana"), ("bruno", "Bruno", null));
        setup.Agents[0].PhoneNumbers.Should().Equal("+34600000001");
        setup.Agents[0].MaskedPhoneNumbers.Should().Equal("+34 6•• ••• 001");
        setup.LineLanguage.Should().Be("es-ES");
        setup.LanguageByCountry.Should().Equal(new Dictionary<string, string> { ["GB"] = "en-GB", ["US"] = "en-US" }, "as Development configures it");
    }

    [Theory]
    [InlineData("GET", "/demo")]
    [InlineData("GET", "/demo/phone")]
    [InlineData("GET", "/demo/phone/setup")]
    [InlineData("POST", "/demo/phone/sign")]
    [InlineData("POST", "/demo/phone/send")]
    [InlineData("GET", "/demo/catalog.json")]
    [InlineData("GET", "/demo/whatsapp")]
    [InlineData("POST", "/demo/whatsapp/media")]
    [InlineData("POST", "/demo/whatsapp/later")]
    public async Task WithTheDemoOffItsPagesAndEndpointsDoNotExist(string method, string path)
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        using var http = host.CreateLoopbackClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new SignRequest("/twilio/voice", []));
        }

        using var response = await http.SendAsync(request).WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheDemosRestCallsReachItsOwnSimulatedTwilioApiAndTheSimulatorsFeed()
    {
        await using var host = HostFactory.StartDemo(servers);
        using var http = host.CreateLoopbackClient();
        var callSid = TwilioCaller.NewCallSid();
        var call = Form(TwilioCaller.InboundCall(callSid, from: "+34600123456"));
        var before = (await http.GetFromJsonAsync<DemoTwilioFeed>("/demo/phone/twilio-events").WaitAsync(Timeout))!.Next;

        await PostSignedAsync(http, "/twilio/voice", call);
        var texted = await PostSignedAsync(http, "/twilio/voice/menu?repeats=0", new(call) { ["Digits"] = "2" });
        const string Redirect = """<?xml version="1.0" encoding="utf-8"?><Response><Say>Un momento</Say></Response>""";
        var redirected = await host.Services.GetRequiredService<PhoneBridge.Twilio.Rest.ITwilioCalls>().UpdateTwimlAsync(callSid, Redirect).WaitAsync(Timeout);
        var unknown = await host.Services.GetRequiredService<PhoneBridge.Twilio.Rest.ITwilioCalls>().FetchStatusAsync(TwilioCaller.NewCallSid()).WaitAsync(Timeout);
        var feed = (await http.GetFromJsonAsync<DemoTwilioFeed>($"/demo/phone/twilio-events?after={before}").WaitAsync(Timeout))!;

        texted.Spoken().Should().Contain(s => s.Contains("mensaje de texto", StringComparison.Ordinal) && !s.Contains("no hemos podido", StringComparison.Ordinal));
        redirected.Error.Should().BeNull("the simulator's call is known to the simulated API");
        unknown.Error.Should().BeNull();
        unknown.Value.Should().BeNull("Twilio knows no such call");
        feed.Events.Select(e => e.Kind).Should().Equal("message.created", "call.updated");
        feed.Events[0].To.Should().Be("+34600123456");
        feed.Events[0].Body.Should().Contain("/join?pin=");
        feed.Events[1].CallSid.Should().Be(callSid);
        feed.Events[1].Twiml.Should().Be(Redirect);
        feed.Next.Should().Be(feed.Events[^1].Seq);
        (await http.GetFromJsonAsync<DemoTwilioFeed>($"/demo/phone/twilio-events?after={feed.Next}").WaitAsync(Timeout))!.Events.Should().BeEmpty();
    }

    private static Dictionary<string, string> Form(IEnumerable<KeyValuePair<string, string>> fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value);

    /// <summary>What the page does: ask the host to sign, then post the form where it says, with that signature.</summary>
    private static async Task<XDocument> PostSignedAsync(HttpClient http, string url, Dictionary<string, string> form)
    {
        using var sign = await http.PostAsJsonAsync("/demo/phone/sign", new SignRequest(url, form)).WaitAsync(Timeout);
        sign.StatusCode.Should().Be(HttpStatusCode.OK, await sign.Content.ReadAsStringAsync().WaitAsync(Timeout));
        var signed = (await sign.Content.ReadFromJsonAsync<SignResponse>().WaitAsync(Timeout))!;

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(signed.Path, UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signed.Signature);
        using var response = await http.SendAsync(request).WaitAsync(Timeout);
        var body = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return XDocument.Parse(body);
    }
}
