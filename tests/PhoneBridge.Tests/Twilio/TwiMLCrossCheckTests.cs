using System.Xml.Linq;

using PhoneBridge.Twilio.TwiML;

namespace PhoneBridge.Tests.Twilio;

/// <summary>Our TwiML must be byte-identical to twiml.VoiceResponse from the official Node helper.</summary>
public sealed class TwiMLCrossCheckTests
{
    private static readonly string[] Awkward = ["", "\t", "\r\n", "&amp;", "]]>", "It's \"ok\" <b> & é ñ ü 😀"];

    [Fact]
    public async Task VoiceResponsesAreByteIdenticalToTheOfficialHelper()
    {
        RandomTwilioRequests random = new(RandomTwilioRequests.NewSeed());
        List<(VoiceResponse Ours, object[] Node)> cases = [];
        for (int i = 0; i < 60; i++)
        {
            string Text() => random.Text(8) + random.Pick(Awkward);
            cases.Add(Menu(Text(), Text(), Text(), Text()));
            cases.Add(Bridge(Text(), Text(), Text(), Text()));
            cases.Add(Queue(Text(), Text(), Text(), Text()));
        }

        cases.Add((new VoiceResponse(), []));
        cases.Add((new VoiceResponse().Gather(new Gather()).Dial(new Dial()).Say(string.Empty), [V("gather"), V("dial"), V("say", string.Empty)]));

        IReadOnlyList<NodeResult> node = await TwilioNodeHelper.RunAsync(cases.Select(c => new { op = "twiml", verbs = c.Node }))
            .WaitAsync(TimeSpan.FromSeconds(60));

        List<string> mismatches = [.. cases.Select((c, i) => (Ours: c.Ours.ToString(), Node: node[i].Text))
            .Where(x => x.Ours != x.Node)
            .Select(x => $"ours {x.Ours}\nnode {x.Node}")];
        mismatches.Should().BeEmpty("TwiML must match twiml.VoiceResponse byte for byte (seed {0})", random.Seed);
    }

    [Fact]
    public void OurTwiMLParsesBackToTheSameTextAndAttributes()
    {
        const string Text = "It's \"quoted\" <b> & é\r\n\tñ 😀 ]]>";
        const string Url = "/twilio/gather?next=a&b='c'\t<\n>\"";

        XDocument document = XDocument.Parse(Menu(Text, Text, Url, Url).Ours.ToString());

        XElement say = document.Root!.Element("Say")!;
        say.Value.Should().Be(Text);
        document.Root.Element("Gather")!.Attribute("action")!.Value.Should().Be(Url);
        document.Root.Element("Gather")!.Element("Say")!.Value.Should().Be(Text);
        document.Root.Element("Redirect")!.Value.Should().Be(Url);
    }

    private static (VoiceResponse Ours, object[] Node) Menu(string welcome, string prompt, string action, string redirect) =>
        (new VoiceResponse()
            .Say(welcome, voice: "Polly.Joanna", language: "en-GB", loop: 2)
            .Gather(new Gather { Input = "dtmf", Action = action, Method = "POST", NumDigits = 4, Timeout = 5, ActionOnEmptyResult = true }
                .Say(prompt).Pause(2))
            .Redirect(redirect, method: "POST"),
        [
            V("say", welcome, new { voice = "Polly.Joanna", language = "en-GB", loop = 2 }),
            V("gather", null, new { input = "dtmf", action, method = "POST", numDigits = 4, timeout = 5, actionOnEmptyResult = true },
                V("say", prompt), V("pause", null, new { length = 2 })),
            V("redirect", redirect, new { method = "POST" }),
        ]);

    private static (VoiceResponse Ours, object[] Node) Bridge(string identity, string queue, string action, string url) =>
        (new VoiceResponse()
            .Dial(new Dial { Action = action, Method = "GET", Timeout = 20, CallerId = "+15550001111", AnswerOnBridge = false }
                .Number("+15551234567", url: url, method: "POST").Client(identity, url: url).Queue(queue))
            .Hangup(),
        [
            V("dial", null, new { action, method = "GET", timeout = 20, callerId = "+15550001111", answerOnBridge = false },
                V("number", "+15551234567", new { url, method = "POST" }), V("client", identity, new { url }), V("queue", queue)),
            V("hangup"),
        ]);

    private static (VoiceResponse Ours, object[] Node) Queue(string hold, string queue, string action, string waitUrl) =>
        (new VoiceResponse().Pause().Say(hold, language: "es-ES").Enqueue(queue, action: action, waitUrl: waitUrl, method: "POST").Say(hold),
        [
            V("pause", null, new { length = 1 }),
            V("say", hold, new { language = "es-ES" }),
            V("enqueue", queue, new { action, waitUrl, method = "POST" }),
            V("say", hold),
        ]);

    // One verb for crosscheck.js: attributes in the order Node should write them.
    private static object V(string verb, string? text = null, object? attrs = null, params object[] children) =>
        new { verb, text, attrs, children };
}
