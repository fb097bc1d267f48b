using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Calls;
using PhoneBridge.Redis;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Security;

/// <summary>
/// In queue routing an agent takes callers by calling the agent line. Caller ID is chosen by the
/// caller, so a phone number only names the agent claimed; the agent code proves it. A softphone's
/// <c>client:</c> identity is Twilio's to vouch for and needs no code.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class AgentLineIdentityTests(RedisServers servers)
{
    private const string Code = "48201937";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task SpoofingAnAgentsNumberOnTheAgentLineNeverBindsTheCallerToThem(RedisServerKind kind)
    {
        var line = AgentPhone.Start(servers, kind);
        await using var _ = line.Host;
        var caller = await line.QueueCallerAsync();
        var spoofedLeg = TwilioCaller.NewCallSid();

        var asked = await line.Twilio.TwiMLAsync("/twilio/voice/agent", AgentPhone.Leg(spoofedLeg, line.Number));
        var guesses = new List<XDocument>();
        var action = CodeAction(asked);
        foreach (var guess in new[] { "111111", "73019264", "" })
        {
            var answer = await line.Twilio.TwiMLAsync(action, [.. AgentPhone.Leg(spoofedLeg, line.Number), new("Digits", guess)]);
            guesses.Add(answer);
            action = answer.Verbs("Gather").Any() ? CodeAction(answer) : action;
        }

        var dequeued = await line.Twilio.TwiMLAsync("/twilio/voice/dequeued",
            [.. TwilioCaller.InboundCall(caller), new("DequeingCallSid", spoofedLeg), new("QueueSid", "QU" + new string('2', 32))]);

        asked.Verbs("Queue").Should().BeEmpty("a phone number alone never reaches the queue");
        asked.Verbs("Gather").Should().ContainSingle().Which.Value.Should().Contain("agent code");
        guesses.Should().OnlyContain(g => !g.Verbs("Queue").Any());
        guesses[0].Spoken().Should().Contain("That code is not right.");
        guesses[^1].Spoken().Should().Contain("The code was not accepted. Goodbye.");
        guesses[^1].Verbs("Hangup").Should().ContainSingle("the third wrong code of a call ends it");
        dequeued.Spoken().Should().BeEmpty();
        (await line.Calls.FindAgentOnLegAsync(spoofedLeg).WaitAsync(Timeout)).Should().BeNull();
        (await line.Calls.GetAsync(caller).WaitAsync(Timeout))!.AnsweringAgent.Should().BeNull();
        line.Host.Logs.Lines.Should().NotContain(l => l.Contains(Code, StringComparison.Ordinal) || l.Contains("73019264", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task WrongCodesFromParallelCallsAreJudgedOnlyUpToTheLimitThenEvenTheRightCodeIsRefused(RedisServerKind kind)
    {
        var line = AgentPhone.Start(servers, kind, ("AgentCodes:MaxFailures", "5"));
        await using var _ = line.Host;

        // Twelve callers at once, each claiming the agent's number and keying a wrong code.
        var wrong = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            line.KeyAsync(TwilioCaller.NewCallSid(), (100000 + (i * 7919)).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var rightLeg = TwilioCaller.NewCallSid();
        var right = await line.KeyAsync(rightLeg, Code);

        wrong.Count(a => a.Spoken().Contains("That code is not right.")).Should().Be(5, "only five tries are judged in the window");
        wrong.Count(a => a.Spoken().Any(s => s.StartsWith("Too many wrong codes", StringComparison.Ordinal))).Should().Be(7);
        right.Verbs("Queue").Should().BeEmpty("once the throttle bites it judges nothing, not even the right code");
        right.Spoken().Should().ContainSingle(s => s.StartsWith("Too many wrong codes", StringComparison.Ordinal));
        (await line.Calls.FindAgentOnLegAsync(rightLeg).WaitAsync(Timeout)).Should().BeNull();
        var tries = line.Host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        (await tries.HashLengthAsync(RedisKeys.AgentCodeTries(line.Username)).WaitAsync(Timeout)).Should().Be(5);
        (await tries.KeyTimeToLiveAsync(RedisKeys.AgentCodeTries(line.Username)).WaitAsync(Timeout))
            .Should().BeCloseTo(TimeSpan.FromHours(24), TimeSpan.FromMinutes(1));
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AReplayedWrongCodeIsCountedOnceAndTheAgentStillGetsIn(RedisServerKind kind)
    {
        var line = AgentPhone.Start(servers, kind, ("AgentCodes:MaxFailures", "3"));
        await using var _ = line.Host;
        var leg = TwilioCaller.NewCallSid();
        List<KeyValuePair<string, string>> captured = [.. AgentPhone.Leg(leg, line.Number), new("Digits", "555123")];

        var replays = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => line.Twilio.TwiMLAsync("/twilio/voice/agent/code?try=1", captured)));
        var caller = await line.QueueCallerAsync();
        var agentLeg = TwilioCaller.NewCallSid();
        var right = await line.KeyAsync(agentLeg, Code);
        var dequeued = await line.DequeueAsync(caller, agentLeg);

        replays.Should().OnlyContain(a => a.Spoken().Contains("That code is not right."));
        right.Verbs("Queue").Should().ContainSingle();
        dequeued.Spoken().Should().ContainSingle().Which.Should().EndWith($"{line.DisplayName}.");
        (await line.Calls.GetAsync(caller).WaitAsync(Timeout))!.AnsweringAgent.Should().Be(line.Username);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheRightCodeFromTheAgentsPhoneTakesTheNextCallerAndBindsThem(RedisServerKind kind)
    {
        var line = AgentPhone.Start(servers, kind);
        await using var _ = line.Host;
        var caller = await line.QueueCallerAsync();
        var agentLeg = TwilioCaller.NewCallSid();

        var first = await line.KeyAsync(agentLeg, "999111", attempt: 1);
        var second = await line.Twilio.TwiMLAsync(CodeAction(first), [.. AgentPhone.Leg(agentLeg, line.Number), new("Digits", Code)]);
        var dequeued = await line.DequeueAsync(caller, agentLeg);

        CodeAction(first).Should().EndWith("/twilio/voice/agent/code?try=2");
        second.Verbs("Queue").Should().ContainSingle().Which.Value.Should().Be("support");
        dequeued.Spoken().Should().ContainSingle().Which.Should().EndWith($"{line.DisplayName}.");
        (await line.Calls.GetAsync(caller).WaitAsync(Timeout))!.AnsweringAgent.Should().Be(line.Username);
        (await line.Host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase()
            .HashLengthAsync(RedisKeys.AgentCodeTries(line.Username)).WaitAsync(Timeout)).Should().Be(1, "the right code is not counted against the agent");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ASoftphoneTakesTheNextCallerWithoutACodeAndAPhoneWithoutACodeCannot(RedisServerKind kind)
    {
        var line = AgentPhone.Start(servers, kind, code: null);
        await using var _ = line.Host;
        var caller = await line.QueueCallerAsync();
        var phoneLeg = TwilioCaller.NewCallSid();
        var softphoneLeg = TwilioCaller.NewCallSid();

        var byPhone = await line.KeyAsync(phoneLeg, Code);
        var bySoftphone = await line.Twilio.TwiMLAsync("/twilio/voice/agent", AgentPhone.Leg(softphoneLeg, "client:" + line.Identity));
        var dequeued = await line.DequeueAsync(caller, softphoneLeg);

        byPhone.Verbs("Queue").Should().BeEmpty("an agent without a code cannot take calls from a phone");
        bySoftphone.Verbs("Gather").Should().BeEmpty();
        bySoftphone.Verbs("Queue").Should().ContainSingle();
        dequeued.Spoken().Should().ContainSingle().Which.Should().EndWith($"{line.DisplayName}.");
        (await line.Calls.GetAsync(caller).WaitAsync(Timeout))!.AnsweringAgent.Should().Be(line.Username);
        line.Host.Logs.Lines.Should().Contain(l => l.Contains("AgentsWithoutCode", StringComparison.Ordinal) && l.Contains(line.Username, StringComparison.Ordinal),
            "the start-up log names agents who cannot take calls from a phone");
    }

    private static string CodeAction(XDocument twiml) =>
        new Uri(twiml.Verbs("Gather").Single().Attribute("action")!.Value).PathAndQuery;

    /// <summary>A host in queue routing with one agent of this test's own, who has a phone number, a softphone and maybe a code.</summary>
    private sealed record AgentPhone(PinCovisorHost Host, TwilioCaller Twilio, RedisCallStore Calls, string Username, string Number)
    {
        public string DisplayName => "Agente " + Username[^8..];

        public string Identity => "line_" + Username[^8..];

        public static AgentPhone Start(
            RedisServers servers, RedisServerKind kind, (string Key, string Value)? setting = null, string? code = Code)
        {
            var username = AgentHosts.NewUsername("line");
            var number = AgentHosts.NewPhoneNumber();
            var settings = AgentHosts.Agent(2, username, phoneNumber: number, displayName: "Agente " + username[^8..]);
            settings["Agents:2:ClientIdentity"] = "line_" + username[^8..];
            settings["Agents:2:Code"] = code;
            settings["Ivr:Routing"] = "Enqueue";
            settings["Ivr:Language"] = "en-US";
            if (setting is var (key, value))
            {
                settings[key] = value;
            }

            var host = AgentHosts.Start(servers, kind, settings);
            return new AgentPhone(host, new TwilioCaller(host.CreateLoopbackClient()), host.Services.GetRequiredService<RedisCallStore>(), username, number);
        }

        /// <summary>The agent's own call leg as Twilio posts it to the agent line.</summary>
        public static List<KeyValuePair<string, string>> Leg(string callSid, string from) =>
        [
            new("AccountSid", "AC" + new string('1', 32)),
            new("CallSid", callSid),
            new("From", from),
            new("To", "+34910000099"),
            new("Direction", "inbound"),
        ];

        /// <summary>A caller who heard their PIN and now waits in the queue.</summary>
        public async Task<string> QueueCallerAsync()
        {
            var callSid = TwilioCaller.NewCallSid();
            await Twilio.TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(callSid));
            await Twilio.TwiMLAsync("/twilio/voice/route?attempt=1", TwilioCaller.InboundCall(callSid));
            return callSid;
        }

        /// <summary>Calls the agent line from the agent's number and keys <paramref name="digits"/> at the prompt.</summary>
        public async Task<XDocument> KeyAsync(string legSid, string digits, int attempt = 1)
        {
            var asked = await Twilio.TwiMLAsync("/twilio/voice/agent", Leg(legSid, Number));
            CodeAction(asked).Should().EndWith("/twilio/voice/agent/code?try=1");
            return await Twilio.TwiMLAsync($"/twilio/voice/agent/code?try={attempt}", [.. Leg(legSid, Number), new("Digits", digits)]);
        }

        public Task<XDocument> DequeueAsync(string callerSid, string agentLeg) =>
            Twilio.TwiMLAsync("/twilio/voice/dequeued",
                [.. TwilioCaller.InboundCall(callerSid), new("DequeingCallSid", agentLeg), new("QueueSid", "QU" + new string('2', 32))]);
    }
}
