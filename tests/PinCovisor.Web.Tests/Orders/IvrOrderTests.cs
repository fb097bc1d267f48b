using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Orders;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Orders;

/// <summary>The menu's order key: TwiML of each step, digits to number, retries, and the number in the call's session.</summary>
[Collection(RedisCollection.Name)]
public sealed class IvrOrderTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TheMenuOffersTheOrderKeyOnlyWhenEnabled()
    {
        await using var off = HostFactory.Start(servers, RedisServerKind.Garnet);
        await using var on = HostFactory.Start(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?>(Settings()) { ["Ivr:LanguageByCountry:GB"] = "en-GB" });

        var without = await new TwilioCaller(off.CreateLoopbackClient()).TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(TwilioCaller.NewCallSid()));
        var with = await new TwilioCaller(on.CreateLoopbackClient()).TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(TwilioCaller.NewCallSid()));
        var english = await new TwilioCaller(on.CreateLoopbackClient()).TwiMLAsync("/twilio/voice",
            [.. TwilioCaller.InboundCall(TwilioCaller.NewCallSid()), new("FromCountry", "GB")]);

        without.Spoken().Should().NotContain(s => s.Contains("pedido", StringComparison.Ordinal));
        with.Verbs("Gather").Single().Descendants("Say").Select(s => s.Value).Should().Contain("Para darnos su número de pedido, pulse 3.");
        english.Spoken().Should().Contain("To give us your order number, press 3.");
    }

    [Fact]
    public async Task TheOrderKeyAsksForDigitsEndedByHash()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, Settings());
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = TwilioCaller.InboundCall(TwilioCaller.NewCallSid());
        await twilio.TwiMLAsync("/twilio/voice", call);

        var twiml = await twilio.TwiMLAsync("/twilio/voice/menu?repeats=0", [.. call, new("Digits", "3")]);

        var gather = twiml.Verbs("Gather").Should().ContainSingle().Subject;
        gather.Attribute("input")!.Value.Should().Be("dtmf");
        gather.Attribute("finishOnKey")!.Value.Should().Be("#");
        gather.Attribute("numDigits")!.Value.Should().Be("6");
        gather.Attribute("actionOnEmptyResult")!.Value.Should().Be("true");
        gather.Attribute("action")!.Value.Should().EndWith("/twilio/voice/order?try=1");
        gather.Value.Should().Contain("pulse la tecla almohadilla");
        twiml.Verbs("Dial").Should().BeEmpty("the caller is keying, not yet routed");
    }

    [Fact]
    public async Task AKnownNumberIsTakenAndTheCallGoesOnToAnAgent()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, Settings());
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = TwilioCaller.InboundCall(TwilioCaller.NewCallSid());
        await twilio.TwiMLAsync("/twilio/voice", call);

        var twiml = await twilio.TwiMLAsync("/twilio/voice/order?try=1", [.. call, new("Digits", "104200")]);

        twiml.Spoken().Should().Contain("Gracias, el agente tendrá su pedido a la vista.");
        twiml.Verbs("Dial").Should().ContainSingle();
        twiml.Verbs("Gather").Should().BeEmpty();
        host.Logs.Lines.Should().Contain(m => m.Contains("order number keyed (Found)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("12", "Ese número de pedido no es correcto.")]
    [InlineData("", "Ese número de pedido no es correcto.")]
    [InlineData("999999", "No encontramos ese pedido.")]
    public async Task AWrongOrUnknownNumberIsAskedOnceMoreThenTheCallGoesOnWithoutIt(string digits, string why)
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, Settings());
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = TwilioCaller.InboundCall(TwilioCaller.NewCallSid());
        await twilio.TwiMLAsync("/twilio/voice", call);

        var first = await twilio.TwiMLAsync("/twilio/voice/order?try=1", [.. call, new("Digits", digits)]);
        var second = await twilio.TwiMLAsync("/twilio/voice/order?try=2", [.. call, new("Digits", digits)]);

        first.Spoken()[0].Should().Be(why);
        first.Verbs("Gather").Single().Attribute("action")!.Value.Should().EndWith("/twilio/voice/order?try=2");
        first.Verbs("Dial").Should().BeEmpty();
        second.Spoken().Should().StartWith([why, "Seguimos sin el número de pedido; el agente se lo pedirá."]);
        second.Verbs("Gather").Should().BeEmpty();
        second.Verbs("Dial").Should().ContainSingle("a second failure must not strand the caller");
        (await KeyedAsync(host, Sid(call))).Should().BeNull();
    }

    [Fact]
    public async Task AnUnreachableOrderSourceTakesTheNumberUncheckedWithinTheCheckTimeout()
    {
        await using var api = await OrderApi.StartAsync();
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?>(api.Settings())
        {
            ["Orders:Source:Timeout"] = "00:00:10",
            ["Ivr:OrderLookup:Enabled"] = "true",
            ["Ivr:OrderLookup:NumberTemplate"] = "AB-{digits}",
            ["Ivr:OrderLookup:CheckTimeout"] = "00:00:00.300",
        });
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = TwilioCaller.InboundCall(TwilioCaller.NewCallSid());
        await twilio.TwiMLAsync("/twilio/voice", call);

        // OrderApi.Slow never answers in time.
        var twiml = await twilio.TwiMLAsync("/twilio/voice/order?try=1", [.. call, new("Digits", OrderApi.Slow[3..])]);

        twiml.Spoken().Should().Contain("Gracias, el agente tendrá su pedido a la vista.");
        twiml.Verbs("Dial").Should().ContainSingle();
        (await KeyedAsync(host, Sid(call))).Should().Be(OrderApi.Slow);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AKeyedOrderIsInTheSessionBeforeTheAgentAnswers(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind, Settings());
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var placed = await Caller.CallAsync(twilio);
        var call = TwilioCaller.InboundCall(placed.CallSid);
        await twilio.TwiMLAsync("/twilio/voice/menu?repeats=0", [.. call, new("Digits", "3")]);
        await twilio.TwiMLAsync("/twilio/voice/order?try=1", [.. call, new("Digits", "104200")]);

        var joined = await new SessionsApi(host.CreateLoopbackClient()).JoinedAsync(placed.Pin);
        var keyed = await WaitForKeyedAsync(host, joined.SessionId);
        await Caller.AnswerAsync(twilio, placed.CallSid);
        await using var ana = await HubClient.ConnectAsync(host.BaseAddress, await SessionSeeder.AgentTokenAsync(host, "ana"));
        await ana.JoinAsync(joined.SessionId);
        using var agent = MediaUploads.ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));
        var order = await agent.GetFromJsonAsync<Order>($"/api/orders/AB-104200?sessionId={joined.SessionId}").WaitAsync(Timeout);

        keyed.DataAs<OrderKeyed>().Should().Be(new OrderKeyed("AB-104200", OrderKeyed.Found));
        var events = ana.Events.Applied(joined.SessionId);
        events.Single(e => e.Kind == EventKinds.OrderKeyed).Seq.Should().BeLessThan(events.First(e => e.Kind == EventKinds.AgentChanged).Seq,
            "the card is in the session before the agent answers");
        order!.Status.Should().Be("Enviado", "the keyed number counts as mentioned in the session");
    }

    [Fact]
    public async Task ANumberKeyedAfterTheCustomerJoinedReachesTheSessionForAgentsOnly()
    {
        // No order source: the IVR cannot check the number, and takes it as keyed.
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?>(Settings())
        {
            ["Orders:Source:Kind"] = "None",
            ["Join:Admission"] = "Auto",
        });
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var placed = await Caller.CallAsync(twilio);
        var joined = await new SessionsApi(host.CreateLoopbackClient()).JoinedAsync(placed.Pin);
        await using var customer = await HubClient.ConnectAsync(host.BaseAddress, joined.Token);
        await customer.JoinAsync(joined.SessionId);

        var twiml = await twilio.TwiMLAsync("/twilio/voice/order?try=1", [.. TwilioCaller.InboundCall(placed.CallSid), new("Digits", "123456")]);
        var keyed = await WaitForKeyedAsync(host, joined.SessionId);
        var hidden = await customer.Events.WaitForKindAsync(joined.SessionId, EventKinds.Hidden);
        await twilio.TwiMLAsync("/twilio/voice/order?try=1", [.. TwilioCaller.InboundCall(placed.CallSid), new("Digits", "123456")]);
        await PollAsync(() => Task.FromResult(host.Logs.Lines.Count(l => l.Contains("KeyedOrderAttached", StringComparison.Ordinal)) == 2));
        var page = await host.Services.GetRequiredService<SessionEventLog>().ReadAsync(joined.SessionId, 0, 100).WaitAsync(Timeout);

        twiml.Spoken().Should().Contain("Gracias, el agente tendrá su pedido a la vista.");
        keyed.DataAs<OrderKeyed>().Should().Be(new OrderKeyed("AB-123456", OrderKeyed.Unavailable));
        hidden.Seq.Should().Be(keyed.Seq, "customers get the agents-only event as event.hidden");
        hidden.Data.ToString().Should().NotContain("123456");
        page.Events.Count(e => e.Kind == EventKinds.OrderKeyed).Should().Be(1, "a number keyed again is in the session once");
    }

    [Theory]
    [InlineData("Ivr:OrderLookup:Key", "1")]
    [InlineData("Ivr:OrderLookup:NumberTemplate", "AB-")]
    [InlineData("Ivr:OrderLookup:MinDigits", "12")]
    [InlineData("Ivr:OrderLookup:CheckTimeout", "00:00:20")]
    public void AnUnusableOrderLookupStopsTheHostNamingTheKey(string key, string value)
    {
        using var host = new PinCovisorHost(new Dictionary<string, string?>(Settings())
        {
            ["ConnectionStrings:Redis"] = servers.ConnectionString(RedisServerKind.Redis),
            [key] = value,
        });

        var start = () => host.BaseAddress;

        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().Which.Message.Should().Contain(key.Split(':')[^1]);
    }

    private static Dictionary<string, string?> Settings() => new(OrderLookupTests.DemoFile())
    {
        ["Ivr:OrderLookup:Enabled"] = "true",
        ["Ivr:OrderLookup:NumberTemplate"] = "AB-{digits}",
        ["Ivr:OrderLookup:MinDigits"] = "6",
        ["Ivr:OrderLookup:MaxDigits"] = "6",
    };

    private static string Sid(List<KeyValuePair<string, string>> call) => call.Single(p => p.Key == "CallSid").Value;

    private static async Task<string?> KeyedAsync(PinCovisorHost host, string callSid)
    {
        var redis = host.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>();
        return await redis.GetDatabase().StringGetAsync(CallOrders.Key(callSid)).WaitAsync(Timeout);
    }

    // The lookup runs in the background of the join: polled in the session's log, with a deadline.
    private static async Task<CovisorEvent> WaitForKeyedAsync(PinCovisorHost host, string sessionId)
    {
        var log = host.Services.GetRequiredService<SessionEventLog>();
        CovisorEvent? keyed = null;
        await PollAsync(async () =>
        {
            var page = await log.ReadAsync(sessionId, 0, 100).WaitAsync(Timeout);
            keyed = page.Events.FirstOrDefault(e => e.Kind == EventKinds.OrderKeyed);
            return keyed is not null;
        });
        return keyed!;
    }

    private static async Task PollAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("What the test waited for did not happen in time.");
            }

            await Task.Delay(50);
        }
    }
}
