using System.Xml.Linq;

using PhoneBridge.Twilio;

using Twilio.TwiML;

using Dial = Twilio.TwiML.Voice.Dial;
using Gather = Twilio.TwiML.Voice.Gather;
using HttpMethod = Twilio.Http.HttpMethod;

namespace PhoneBridge.Tests.Twilio;

/// <summary>
/// The TwiML we answer (the official package's <c>VoiceResponse</c>, serialised by <see cref="TwiMLResult"/>)
/// must be the same XML as <c>twiml.VoiceResponse</c> of the official Node helper: same elements in the
/// same order, same attributes with the same values, same text, once both are parsed.
/// </summary>
public sealed class TwiMLCrossCheckTests
{
    private static readonly string[] Awkward = ["", "\t", "\r\n", "&amp;", "]]>", "It's \"ok\" <b> & é ñ ü 😀"];

    [Fact]
    public async Task VoiceResponsesParseToTheSameXmlAsTheOfficialNodeHelpers()
    {
        RandomTwilioRequests random = new(RandomTwilioRequests.NewSeed());
        List<(VoiceResponse Ours, object[] Node)> cases = [];
        for (int i = 0; i < 60; i++)
        {
            string Text() => random.Text(8) + random.Pick(Awkward);
            string Url() => "https://shop.example/twilio/" + random.Text(6) + "?attempt=" + i + "&x=" + Uri.EscapeDataString(random.Text(4) + random.Pick(Awkward));
            cases.Add(Menu(Text(), Text(), Url(), Url()));
            cases.Add(Bridge(Text(), Text(), Url(), Url()));
            cases.Add(Queue(Text(), Text(), Url(), Url()));
        }

        cases.Add((new VoiceResponse(), []));
        cases.Add((new VoiceResponse().Append(new Gather()).Append(new Dial()).Say(string.Empty), [V("gather"), V("dial"), V("say", string.Empty)]));

        IReadOnlyList<NodeResult> node = await TwilioNodeHelper.RunAsync(cases.Select(c => new { op = "twiml", verbs = c.Node }))
            .WaitAsync(TimeSpan.FromSeconds(60));

        List<string> mismatches = [.. cases.Select((c, i) => (Ours: new TwiMLResult(c.Ours).Xml, Node: node[i].Text))
            .Where(x => !SameXml(x.Ours, x.Node))
            .Select(x => $"ours {x.Ours}\nnode {x.Node}")];
        mismatches.Should().BeEmpty("TwiML must parse to the same XML as twiml.VoiceResponse (seed {0})", random.Seed);
    }

    [Fact]
    public void TheComparisonTellsDifferentDocumentsApart()
    {
        const string Document = """<?xml version="1.0" encoding="UTF-8"?><Response><Say language="en-GB" voice="x">Hi</Say><Hangup/></Response>""";

        SameXml(Document, """<?xml version="1.0" encoding="utf-8"?><Response><Say voice="x" language="en-GB">Hi</Say><Hangup></Hangup></Response>""")
            .Should().BeTrue("attribute order and empty-element form carry no meaning");
        SameXml(Document, """<Response><Say language="en-GB" voice="x">Hi!</Say><Hangup/></Response>""").Should().BeFalse();
        SameXml(Document, """<Response><Say language="en-US" voice="x">Hi</Say><Hangup/></Response>""").Should().BeFalse();
        SameXml(Document, """<Response><Say language="en-GB">Hi</Say><Hangup/></Response>""").Should().BeFalse();
        SameXml(Document, """<Response><Hangup/><Say language="en-GB" voice="x">Hi</Say></Response>""").Should().BeFalse();
        SameXml(Document, """<Response><Say language="en-GB" voice="x">Hi</Say></Response>""").Should().BeFalse();
    }

    [Fact]
    public void OurTwiMLParsesBackToTheSameTextAndAttributes()
    {
        const string Text = "It's \"quoted\" <b> & é\n\tñ 😀 ]]>";
        const string Url = "https://shop.example/twilio/gather?next=a&b='c'%20%3C%3E\"";

        XDocument document = XDocument.Parse(new TwiMLResult(Menu(Text, Text, Url, Url).Ours).Xml);

        XElement say = document.Root!.Element("Say")!;
        say.Value.Should().Be(Text);
        document.Root.Element("Gather")!.Attribute("action")!.Value.Should().Be(Url);
        document.Root.Element("Gather")!.Element("Say")!.Value.Should().Be(Text);
        document.Root.Element("Redirect")!.Value.Should().Be(Url);
    }

    // Parsed, so entity spelling, attribute order and <x/> versus <x></x> do not count. Line breaks in
    // text are compared as XML parsers deliver them to Twilio: "\r\n" and "\r" read as "\n".
    private static bool SameXml(string ours, string node) =>
        Same(XDocument.Parse(ours).Root!, XDocument.Parse(node).Root!);

    private static bool Same(XElement a, XElement b)
    {
        static string Line(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        static string Attributes(XElement e) =>
            string.Join("\u0001", e.Attributes().OrderBy(x => x.Name.ToString(), StringComparer.Ordinal).Select(x => $"{x.Name}={Line(x.Value)}"));

        List<XElement> aChildren = [.. a.Elements()];
        List<XElement> bChildren = [.. b.Elements()];
        return a.Name == b.Name
            && Attributes(a) == Attributes(b)
            && (aChildren.Count > 0 || Line(a.Value) == Line(b.Value))
            && aChildren.Count == bChildren.Count
            && aChildren.Zip(bChildren).All(pair => Same(pair.First, pair.Second));
    }

    private static (VoiceResponse Ours, object[] Node) Menu(string welcome, string prompt, string action, string redirect) =>
        (new VoiceResponse()
            .Say(welcome, voice: "Polly.Joanna", language: "en-GB", loop: 2)
            .Append(new Gather(input: [Gather.InputEnum.Dtmf], action: new Uri(action), method: HttpMethod.Post, numDigits: 4, timeout: 5, actionOnEmptyResult: true)
                .Say(prompt).Pause(2))
            .Redirect(new Uri(redirect), method: HttpMethod.Post),
        [
            V("say", welcome, new { voice = "Polly.Joanna", language = "en-GB", loop = 2 }),
            V("gather", null, new { input = "dtmf", action, method = "POST", numDigits = 4, timeout = 5, actionOnEmptyResult = true },
                V("say", prompt), V("pause", null, new { length = 2 })),
            V("redirect", redirect, new { method = "POST" }),
        ]);

    private static (VoiceResponse Ours, object[] Node) Bridge(string identity, string queue, string action, string url) =>
        (new VoiceResponse()
            .Append(new Dial(action: new Uri(action), method: HttpMethod.Get, timeout: 20, callerId: "+15550001111", answerOnBridge: false)
                .Number("+15551234567", url: new Uri(url), method: HttpMethod.Post).Client(identity, url: new Uri(url)).Queue(queue))
            .Hangup(),
        [
            V("dial", null, new { action, method = "GET", timeout = 20, callerId = "+15550001111", answerOnBridge = false },
                V("number", "+15551234567", new { url, method = "POST" }), V("client", identity, new { url }), V("queue", queue)),
            V("hangup"),
        ]);

    private static (VoiceResponse Ours, object[] Node) Queue(string hold, string queue, string action, string waitUrl) =>
        (new VoiceResponse().Pause(1).Say(hold, language: "es-ES").Enqueue(queue, action: new Uri(action), method: HttpMethod.Post, waitUrl: new Uri(waitUrl)).Say(hold),
        [
            V("pause", null, new { length = 1 }),
            V("say", hold, new { language = "es-ES" }),
            V("enqueue", queue, new { action, waitUrl, method = "POST" }),
            V("say", hold),
        ]);

    // One verb for crosscheck.js.
    private static object V(string verb, string? text = null, object? attrs = null, params object[] children) =>
        new { verb, text, attrs, children };
}
