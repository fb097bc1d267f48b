using System.Net;
using PhoneBridge.Pins;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Ivr;

[Collection(RedisCollection.Name)]
public sealed class IncomingCallTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task SignedIncomingCallGetsTwiMLWhoseSayReadsTheIssuedPinTwice(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind);
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var callSid = TwilioCaller.NewCallSid();

        var twiml = await twilio.TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(callSid));

        var read = twiml.PinsRead();
        read.Should().HaveCount(2).And.OnlyContain(pin => pin == read[0]);
        read[0].Should().MatchRegex("^[0-9]{6}$");
        var issued = await host.Services.GetRequiredService<IPinStore>().FindByCallAsync(callSid).WaitAsync(Timeout);
        issued!.Digits.Should().Be(read[0]);
        twiml.Verbs("Gather").Single().Attribute("numDigits")!.Value.Should().Be("1");
        twiml.Verbs("Redirect").Single().Value.Should().EndWith("/twilio/voice/route?attempt=1");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task RetryOfTheSameCallSidGetsTheSamePin(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind);
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = TwilioCaller.InboundCall(TwilioCaller.NewCallSid());

        var first = (await twilio.TwiMLAsync("/twilio/voice", call)).PinsRead()[0];
        var retry = (await twilio.TwiMLAsync("/twilio/voice", call)).PinsRead()[0];

        retry.Should().Be(first);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TwoHundredConcurrentCallsGetTwoHundredDistinctPins(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind);
        using var http = host.CreateLoopbackClient();
        var twilio = new TwilioCaller(http);

        var pins = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
            (await twilio.TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(TwilioCaller.NewCallSid()))).PinsRead()[0]))
            .WaitAsync(TimeSpan.FromSeconds(120));

        pins.Should().OnlyHaveUniqueItems().And.HaveCount(200);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ForgedOrMissingSignatureGets403AndWritesNothing(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind);
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var forgedSid = TwilioCaller.NewCallSid();
        var unsignedSid = TwilioCaller.NewCallSid();
        var forger = new TwilioCaller(host.CreateLoopbackClient(), authToken: "not-the-shop-token");

        using var forged = await forger.PostAsync("/twilio/voice", TwilioCaller.InboundCall(forgedSid));
        using var missing = await twilio.PostAsync("/twilio/voice", TwilioCaller.InboundCall(unsignedSid), sign: false);

        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        missing.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await forged.Content.ReadAsStringAsync().WaitAsync(Timeout)).Should().BeEmpty();
        var redis = host.Services.GetRequiredService<IConnectionMultiplexer>();
        foreach (var sid in new[] { forgedSid, unsignedSid })
        {
            var keys = await KeysMentioningAsync(redis, sid);
            keys.Should().BeEmpty("a refused request must not touch Redis");
        }
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ParametersWithApostrophesAndAccentsValidate(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind);
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = TwilioCaller.InboundCall(TwilioCaller.NewCallSid());
        call.Add(new("CallerName", "O'Brien Muñoz & Çelik"));
        call.Add(new("FromCity", "A Coruña"));
        call.Add(new("Note", "l'été + 100% \"ñ\""));

        var twiml = await twilio.TwiMLAsync("/twilio/voice", call);

        twiml.PinsRead().Should().HaveCount(2);
    }

    [Fact]
    public async Task TheIvrSpeaksEnglishWithTheConfiguredVoiceWhenAskedTo()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["Ivr:Language"] = "en-US", ["Ivr:Voice"] = "Google.en-US-Neural2-F" });
        var twilio = new TwilioCaller(host.CreateLoopbackClient());

        var twiml = await twilio.TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(TwilioCaller.NewCallSid()));

        twiml.Verbs("Say").Should().OnlyContain(say =>
            say.Attribute("language")!.Value == "en-US" && say.Attribute("voice")!.Value == "Google.en-US-Neural2-F");
        twiml.Spoken().Should().Contain("Press 1 to hear it again, or 2 to get it by text message.");
    }

    [Fact]
    public async Task CallersFromACountryTheShopAnswersInAnotherLanguageHearThatLanguageAtEveryStepWhileAgentsHearTheShops()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?>
        {
            ["Ivr:LanguageByCountry:gb"] = "en-GB",
            ["Ivr:Voice"] = "Polly.Conchita",
        });
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var callSid = TwilioCaller.NewCallSid();
        List<KeyValuePair<string, string>> british = [.. TwilioCaller.InboundCall(callSid, from: "+447700900123"), new("FromCountry", "GB")];

        var greeting = await twilio.TwiMLAsync("/twilio/voice", british);
        var menu = greeting.Verbs("Gather").Single().Attribute("action")!.Value;
        var again = await twilio.TwiMLAsync(new Uri(menu).PathAndQuery, [.. british, new("Digits", "1")]);
        var route = await twilio.TwiMLAsync("/twilio/voice/route?attempt=1", british);
        var leg = AgentLeg.Fields(callSid, "+34600000001", from: "+447700900123");
        var ask = await twilio.TwiMLAsync(AgentLeg.NounUrl(route, "+34600000001"), [.. leg, new("FromCountry", "GB")]);
        var whisper = await twilio.TwiMLAsync(AgentLeg.KeyUrl(ask)!, [.. leg, new("FromCountry", "GB"), new("Digits", "1")]);
        var spanish = await twilio.TwiMLAsync("/twilio/voice", [.. TwilioCaller.InboundCall(TwilioCaller.NewCallSid()), new("FromCountry", "ES")]);

        greeting.Verbs("Say").Concat(again.Verbs("Say")).Should().NotBeEmpty().And.OnlyContain(say =>
            say.Attribute("language")!.Value == "en-GB" && say.Attribute("voice")!.Value == "Polly.Amy",
            "the shop's Spanish voice cannot speak English: English gets its own");
        again.Spoken().Should().Contain("Press 1 to hear it again, or 2 to get it by text message.");
        ask.Verbs("Say").Concat(whisper.Verbs("Say")).Should().NotBeEmpty()
            .And.OnlyContain(say => say.Attribute("language")!.Value == "es-ES", "the agent hears the shop's language");
        spanish.Verbs("Say").Should().OnlyContain(say =>
            say.Attribute("language")!.Value == "es-ES" && say.Attribute("voice")!.Value == "Polly.Conchita");
    }

    [Fact]
    public void ALanguageByCountryThatIsNotACountryAndASupportedLanguageStopsTheHost()
    {
        using var host = new PinCovisorHost(new Dictionary<string, string?> { ["Ivr:LanguageByCountry:England"] = "en-GB" });

        var start = () => host.BaseAddress;

        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().Which.Message.Should().Contain("Ivr:LanguageByCountry");
    }

    private static async Task<List<string>> KeysMentioningAsync(IConnectionMultiplexer redis, string text) =>
        [.. (await RedisScan.KeysAsync(redis, "*" + text + "*")).Select(k => k.ToString())];
}
