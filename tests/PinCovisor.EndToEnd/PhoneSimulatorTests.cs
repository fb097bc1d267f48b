using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using PhoneBridge.Calls;
using PhoneBridge.Testing.Web;
using PhoneBridge.Twilio.Rest;
using PinCovisor.EndToEnd.Browser;
using PinCovisor.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>
/// The phone simulator as a person uses it beside the agent console: which device each answer button
/// stands for, a tab closed mid-call, and a call whose end never reaches the host.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneSimulatorTests(DevelopmentSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task EachAnswerButtonNamesTheDeviceThatRings()
    {
        await using var phone = await site.OpenAsync("phone", Device.Desktop, "en-US");
        var shots = new Screenshots(nameof(EachAnswerButtonNamesTheDeviceThatRings), output, phone);
        var simulator = new PhoneSimulator(phone);

        await simulator.CallAsync("+34 600 123 456");
        await simulator.RingingAsync();
        await shots.TakeAsync("ringing");
        var byPhone = await phone.Page.Locator("[data-testid=phone-answer][data-target=\"+34600000001\"]").TextContentAsync().WaitAsync(Limits.Await);
        var byBrowser = await phone.Page.Locator("[data-testid=phone-answer][data-target=\"ana\"]").TextContentAsync().WaitAsync(Limits.Await);
        var rows = await phone.ById("phone-answer").AllAsync().WaitAsync(Limits.Await);
        var heights = await Task.WhenAll(rows.Select(r => r.BoundingBoxAsync())).WaitAsync(Limits.Await);
        await simulator.AnswerAsync("ana");
        await simulator.HangUpAsync();

        byPhone.Should().Be("Answer as Ana — phone +34 6•• ••• 001");
        byBrowser.Should().Be("Answer as Ana — browser");
        heights.Should().OnlyContain(box => box != null && box.Height < 60, "each label fits on one line of its button");
        PageProblems.AssertNone(phone);
    }

    [Fact]
    public async Task ClosingTheSimulatorsTabMidCallEndsTheCallOnTheHostAndItLeavesTheConsole()
    {
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-US");
        await using var phone = await site.OpenAsync("phone", Device.Phone, "en-US");
        var shots = new Screenshots(nameof(ClosingTheSimulatorsTabMidCallEndsTheCallOnTheHostAndItLeavesTheConsole), output, agent, phone);
        var console = new AgentConsole(agent);
        await console.LogInAsync();
        var before = await CallSidsAsync(agent);
        var simulator = new PhoneSimulator(phone);

        await simulator.CallAsync("+34 600 123 456");
        await simulator.AnswerAsync("ana");
        var callSid = await Eventually.UntilAsync(
            async () => (await CallSidsAsync(agent)).Except(before).SingleOrDefault(),
            sid => sid is not null, "the new call in the console's list");
        var listed = agent.Page.Locator($"[data-testid=agent-call][data-call-sid=\"{callSid}\"]");
        await Expect(listed).ToHaveAttributeAsync("data-status", "in-progress", new() { Timeout = Limits.Ms(Limits.Arrival) });
        await shots.TakeAsync("talking");
        await phone.Page.CloseAsync(new() { RunBeforeUnload = false }).WaitAsync(Limits.Await);

        await Expect(listed).ToHaveCountAsync(0, new() { Timeout = Limits.Ms(Limits.Arrival) });
        await shots.TakeAsync("tab-closed");
        site.Host.Logs.Lines.Should().Contain(l => l.Contains(callSid!, StringComparison.Ordinal) && l.Contains("is now \"completed\"", StringComparison.Ordinal),
            "the simulator sent the status callback as its tab closed");
        site.Host.Logs.Lines.Should().NotContain(l => l.Contains(callSid!, StringComparison.Ordinal)
            && l.Contains("no news from the phone network", StringComparison.Ordinal));
        PageProblems.AssertNone(agent);
    }

    [Fact]
    public async Task APhoneThatPicksUpWithoutPressingAKeyIsNotPutThroughAndTheAgentWhoPressesOneIsBound()
    {
        await using var host = await DevelopmentSite.StartOwnHostAsync();
        var address = host.BaseAddress;
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-US", address);
        await using var phone = await site.OpenAsync("phone", Device.Desktop, "en-US", address);
        var shots = new Screenshots(nameof(APhoneThatPicksUpWithoutPressingAKeyIsNotPutThroughAndTheAgentWhoPressesOneIsBound), output, agent, phone);
        await new AgentConsole(agent).LogInAsync();
        var simulator = new PhoneSimulator(phone);
        var pin = await simulator.CallAsync("+34 600 123 456");

        await simulator.PickUpPhoneAsync("+34600000001", pressKey: false);
        await Expect(phone.Page.Locator(".phone-line-note").Filter(new() { HasText = "pressed no key" })).ToHaveCountAsync(1, new() { Timeout = Limits.Ms(Limits.Arrival) });
        await simulator.RingingAsync();
        await shots.TakeAsync("voicemail-not-put-through");
        var afterVoicemail = await simulator.WhisperedPinsAsync();
        await Expect(agent.ById("agent-call")).ToHaveAttributeAsync("data-status", "ringing", new() { Timeout = Limits.Ms(Limits.Arrival) });
        await simulator.PickUpPhoneAsync("+34600000001", pressKey: true);
        await Expect(agent.ById("agent-call")).ToHaveAttributeAsync("data-status", "in-progress", new() { Timeout = Limits.Ms(Limits.Arrival) });
        await shots.TakeAsync("key-pressed-bound");

        afterVoicemail.Should().BeEmpty("the voicemail heard no code");
        (await simulator.WhisperedPinsAsync()).Should().Equal(pin);
        host.Logs.Lines.Should().ContainSingle(l => l.Contains("did not press the key", StringComparison.Ordinal));
        host.Logs.Lines.Should().ContainSingle(l => l.Contains("answered by agent", StringComparison.Ordinal));
        await simulator.HangUpAsync();
        PageProblems.AssertNone(agent);
        PageProblems.AssertNone(phone);
    }

    [Fact]
    public async Task ALiveCallTheHostRedirectsThroughTheRestApiLeavesItsAgentAndRunsTheNewTwiML()
    {
        await using var host = await DevelopmentSite.StartOwnHostAsync();
        var address = host.BaseAddress;
        await using var phone = await site.OpenAsync("phone", Device.Desktop, "en-US", address);
        var shots = new Screenshots(nameof(ALiveCallTheHostRedirectsThroughTheRestApiLeavesItsAgentAndRunsTheNewTwiML), output, phone);
        var simulator = new PhoneSimulator(phone);
        await simulator.CallAsync("+34 600 123 456");
        await simulator.AnswerAsync("ana");
        var live = await host.Services.GetRequiredService<RedisCallStore>().ListLiveAsync().WaitAsync(Limits.Await);
        const string Twiml = """<?xml version="1.0" encoding="utf-8"?><Response><Say language="es-ES">Le pasamos con otro compañero.</Say><Hangup/></Response>""";

        var redirected = await host.Services.GetRequiredService<ITwilioCalls>().UpdateTwimlAsync(live.Single().CallSid, Twiml).WaitAsync(Limits.Await);

        redirected.Error.Should().BeNull();
        await Expect(phone.ById("phone-say").Last).ToHaveTextAsync("Le pasamos con otro compañero.", new() { Timeout = Limits.Ms(Limits.Arrival) });
        await Expect(phone.ById("phone-status")).ToHaveAttributeAsync("data-state", "ended", new() { Timeout = Limits.Ms(Limits.Arrival) });
        await Expect(phone.Page.Locator(".phone-line-note").Filter(new() { HasText = "redirects the call" })).ToHaveCountAsync(1);
        await shots.TakeAsync("redirected");
        PageProblems.AssertNone(phone);
    }

    [Fact]
    public async Task ACallTheHostPlacesThroughTheRestApiRingsTheSimulatorWhichAnswersAndRunsItsTwiML()
    {
        await using var host = await DevelopmentSite.StartOwnHostAsync();
        var address = host.BaseAddress;
        await using var phone = await site.OpenAsync("phone", Device.Desktop, "en-US", address);
        var shots = new Screenshots(nameof(ACallTheHostPlacesThroughTheRestApiRingsTheSimulatorWhichAnswersAndRunsItsTwiML), output, phone);
        await phone.Page.GotoAsync("/demo/phone").WaitAsync(Limits.Await);
        // Enabled once the setup is read, which says where the page follows the REST API's feed from.
        await Expect(phone.ById("phone-call")).ToBeEnabledAsync(new() { Timeout = Limits.Ms(Limits.Arrival) });

        var placed = await host.Services.GetRequiredService<ITwilioCalls>().CreateAsync(
            "+34600123456", "+34910000000", new Uri(address, "/twilio/voice"), new Uri(address, "/twilio/status")).WaitAsync(Limits.Await);

        placed.Error.Should().BeNull();
        await Expect(phone.ById("phone-incoming")).ToBeVisibleAsync(new() { Timeout = Limits.Ms(Limits.Arrival) });
        await Expect(phone.ById("phone-incoming-to")).ToHaveTextAsync("+34 600 123 456");
        await shots.TakeAsync("incoming");
        await phone.ById("phone-incoming-answer").ClickAsync().WaitAsync(Limits.Await);
        await Expect(phone.ById("phone-say").First).ToBeVisibleAsync(new() { Timeout = Limits.Ms(Limits.Arrival) });
        var record = await Eventually.UntilAsync(
            () => host.Services.GetRequiredService<RedisCallStore>().GetAsync(placed.Value!),
            call => call is not null,
            "the placed call reached the host's webhook");
        await simulatorHangUp(phone);

        record!.CallSid.Should().Be(placed.Value);
        PageProblems.AssertNone(phone);

        static async Task simulatorHangUp(Role phone) => await new PhoneSimulator(phone).HangUpAsync();
    }

    [Fact]
    public async Task ATransferFromTheConsoleRedirectsTheSimulatedCallAndTheSessionFollowsWhoeverTakesIt()
    {
        await using var host = await DevelopmentSite.StartOwnHostAsync(new Dictionary<string, string?>
        {
            ["Agents:1:Username"] = "bruno",
            ["Agents:1:DisplayName"] = "Bruno",
            ["Agents:1:ClientIdentity"] = "bruno",
            ["Agents:1:Password"] = "bruno-development-password",
        });
        var address = host.BaseAddress;
        await using var ana = await site.OpenAsync("agent", Device.Desktop, "en-US", address);
        await using var bruno = await site.OpenAsync("bruno", Device.Desktop, "en-US", address);
        await using var customer = await site.OpenAsync("customer", Device.Desktop, "es-ES", address);
        await using var phone = await site.OpenAsync("phone", Device.Desktop, "en-US", address);
        var shots = new Screenshots(nameof(ATransferFromTheConsoleRedirectsTheSimulatedCallAndTheSessionFollowsWhoeverTakesIt), output, ana, bruno, customer, phone);
        var console = new AgentConsole(ana);
        await console.LogInAsync();
        await new AgentConsole(bruno).LogInAsync("bruno", "bruno-development-password");
        var simulator = new PhoneSimulator(phone);
        var pin = await simulator.CallAsync("+34 600 123 456");
        await simulator.AnswerAsync("ana");
        await new Customer(customer).JoinFromShopAsync(pin);
        await Expect(customer.ById("pc-agent-name")).ToHaveTextAsync("Ana", new() { Timeout = Limits.Ms(Limits.Arrival) });
        var sessionId = await console.AdmitAsync();
        await Expect(customer.ById("pc-covisor")).ToBeVisibleAsync(new() { Timeout = Limits.Ms(Limits.Arrival) });
        await console.OpenSessionAsync(sessionId);
        await Chat.SendAsync(customer, "¿Me pasa con quien lleva los envíos?");

        await ana.ById("agent-transfer").ClickAsync().WaitAsync(Limits.Await);
        await Expect(ana.ById("agent-transfer-call-note")).ToBeVisibleAsync(new() { Timeout = Limits.Ms(Limits.Arrival) });
        await ana.ById("agent-transfer-to").SelectOptionAsync("bruno").WaitAsync(Limits.Await);
        await ana.ById("agent-transfer-dialog-confirm").ClickAsync().WaitAsync(Limits.Await);
        await Expect(ana.ById("agent-transfer-ringing")).ToBeVisibleAsync(new() { Timeout = Limits.Ms(Limits.Arrival) });
        await Expect(phone.Page.Locator(".phone-line-note").Filter(new() { HasText = "redirects the call" })).ToHaveCountAsync(1, new() { Timeout = Limits.Ms(Limits.Arrival) });
        await shots.TakeAsync("transfer-ringing");
        await simulator.AnswerAsync("bruno");

        await Expect(customer.ById("pc-agent-name")).ToHaveTextAsync("Bruno", new() { Timeout = Limits.Ms(Limits.Arrival) });
        await Expect(phone.ById("phone-status")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Limits.Ms(Limits.Arrival) });
        await Expect(phone.ById("phone-status")).ToContainTextAsync("Bruno");
        await new AgentConsole(bruno).OpenSessionAsync(sessionId);
        await Expect(Chat.Messages(bruno, "customer").Filter(new() { HasText = "quien lleva los envíos" })).ToHaveCountAsync(1, new() { Timeout = Limits.Ms(Limits.Arrival) });
        await shots.TakeAsync("bruno-has-call-and-session");
        var call = (await host.Services.GetRequiredService<RedisCallStore>().ListLiveAsync().WaitAsync(Limits.Await)).Single();

        call.AnsweringAgent.Should().Be("bruno");
        await simulator.HangUpAsync();
        PageProblems.AssertNone(ana, bruno, customer, phone);
    }

    [Fact]
    public async Task ACallWhoseEndCallbackIsLostIsEndedAsTheNetworkReportsIt()
    {
        // Long enough for the phone menu (the status does not move while the line speaks), short to watch.
        await using var host = await DevelopmentSite.StartOwnHostAsync(new Dictionary<string, string?> { ["Calls:StaleAfter"] = "00:00:40", ["Calls:ReconcileAfter"] = "00:00:15" });
        var address = host.BaseAddress;
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-US", address);
        await using var phone = await site.OpenAsync("phone", Device.Phone, "en-US", address);
        var shots = new Screenshots(nameof(ACallWhoseEndCallbackIsLostIsEndedAsTheNetworkReportsIt), output, agent, phone);
        await new AgentConsole(agent).LogInAsync();
        var simulator = new PhoneSimulator(phone);

        await simulator.CallAsync("+34 600 123 456");
        await simulator.AnswerAsync("ana");
        await Expect(agent.ById("agent-call")).ToHaveAttributeAsync("data-status", "in-progress", new() { Timeout = Limits.Ms(Limits.Arrival) });
        // The phone loses its network, then its tab: its end callback cannot reach the host, but the
        // (simulated) phone network sees the phone gone, as Twilio sees a caller hang up.
        await phone.Context.SetOfflineAsync(true).WaitAsync(Limits.Await);
        await phone.Page.CloseAsync(new() { RunBeforeUnload = false }).WaitAsync(Limits.Await);

        // ReconcileAfter, then a sweep (every quarter of it) and a poll of the console (every 4 s).
        await Expect(agent.ById("agent-call")).ToHaveCountAsync(0, new() { Timeout = Limits.Ms(TimeSpan.FromSeconds(60)) });
        await shots.TakeAsync("ended-as-reported");

        host.Logs.Lines.Should().ContainSingle(l => l.Contains("Name: \"EndedAsReported\"", StringComparison.Ordinal) && l.Contains("Status=completed", StringComparison.Ordinal));
        host.Logs.Lines.Should().NotContain(l => l.Contains("no news from the phone network", StringComparison.Ordinal));
        await Expect(agent.ById("agent-call-silent-end")).ToHaveCountAsync(0);
        PageProblems.AssertNone(agent);
    }

    [Fact]
    public async Task ACallWhoseEndNeverArrivesAndTwilioCannotBeAskedIsEndedByTheHostAndTheConsoleSaysWhy()
    {
        // Long enough for the phone menu (the status does not move while the line speaks), short to watch.
        // Without an account SID the REST API cannot be asked: silence is all the host has to go on.
        await using var host = await DevelopmentSite.StartOwnHostAsync(new Dictionary<string, string?> { ["Calls:StaleAfter"] = "00:00:20", ["Twilio:AccountSid"] = "" });
        var address = host.BaseAddress;
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-US", address);
        await using var phone = await site.OpenAsync("phone", Device.Phone, "en-US", address);
        var shots = new Screenshots(nameof(ACallWhoseEndNeverArrivesAndTwilioCannotBeAskedIsEndedByTheHostAndTheConsoleSaysWhy), output, agent, phone);
        await new AgentConsole(agent).LogInAsync();
        var simulator = new PhoneSimulator(phone);

        await simulator.CallAsync("+34 600 123 456");
        await simulator.AnswerAsync("ana");
        await Expect(agent.ById("agent-call")).ToHaveAttributeAsync("data-status", "in-progress", new() { Timeout = Limits.Ms(Limits.Arrival) });
        // The phone loses its network, then its tab: nothing of the call's end can reach the host.
        await phone.Context.SetOfflineAsync(true).WaitAsync(Limits.Await);
        await phone.Page.CloseAsync(new() { RunBeforeUnload = false }).WaitAsync(Limits.Await);

        var line = agent.ById("agent-call-silent-end");
        // StaleAfter, then a sweep (every 5 s here) and a poll of the console (every 4 s).
        await Expect(line).ToContainTextAsync("Call ended: no news from the phone network for", new() { Timeout = Limits.Ms(TimeSpan.FromSeconds(60)) });
        await Expect(agent.ById("agent-call")).ToHaveCountAsync(0, new() { Timeout = Limits.Ms(Limits.Arrival) });
        await shots.TakeAsync("ended-for-silence");
        await agent.ById("pc-lang").First.ClickAsync().WaitAsync(Limits.Await);
        await Expect(line).ToContainTextAsync("Llamada terminada: sin noticias de la red telefónica durante", new() { Timeout = Limits.Ms(Limits.Arrival) });
        await shots.TakeAsync("ended-for-silence-es");

        (await line.TextContentAsync().WaitAsync(Limits.Await)).Should().Contain("+34 6•• ••• 456");
        host.Logs.Lines.Should().ContainSingle(l => l.Contains("no news from the phone network", StringComparison.Ordinal));
        PageProblems.AssertNone(agent);
    }

    [Fact]
    public async Task InEnglishTheSimulatorCallsFromANumberTheLineAnswersInEnglishAndTheWholeScreenReadsEnglish()
    {
        await using var phone = await site.OpenAsync("phone", Device.Phone, "en-GB");
        var shots = new Screenshots(nameof(InEnglishTheSimulatorCallsFromANumberTheLineAnswersInEnglishAndTheWholeScreenReadsEnglish), output, phone);
        var simulator = new PhoneSimulator(phone);

        await simulator.CallAsync(from: null);
        await simulator.RingingAsync();
        await shots.TakeAsync("english-call");
        var from = await phone.ById("phone-from").InputValueAsync().WaitAsync(Limits.Await);
        var note = await phone.ById("phone-line-language").TextContentAsync().WaitAsync(Limits.Await);
        var said = await phone.ById("phone-say").AllTextContentsAsync().WaitAsync(Limits.Await);
        var status = await phone.ById("phone-status").TextContentAsync().WaitAsync(Limits.Await);
        await simulator.AnswerAsync("ana");
        await simulator.HangUpAsync();
        // Back in Spanish, the offered number (never typed over) is a Spanish one, and the line says so.
        await phone.ById("pc-lang").ClickAsync().WaitAsync(Limits.Await);
        await Expect(phone.ById("phone-line-language")).ToHaveTextAsync("La centralita te atenderá en español: lo decide el país de tu número.",
            new() { Timeout = Limits.Ms(Limits.Arrival) });
        await shots.TakeAsync("back-in-spanish");

        from.Should().StartWith("+44");
        note.Should().Be("The line will answer in English: your number's country decides.");
        said.Should().StartWith(["Hello, thank you for calling.", "To see on our website what our agent shows you, your code is:"]);
        said.Should().NotContain(line => line.Contains("código", StringComparison.Ordinal) || line.Contains("Hola", StringComparison.Ordinal));
        status.Should().Contain("Ringing");
        (await phone.ById("phone-from").InputValueAsync().WaitAsync(Limits.Await)).Should().Be("+34 600 123 456");
        PageProblems.AssertNone(phone);
    }

    private static async Task<IReadOnlyList<string>> CallSidsAsync(Role agent)
    {
        var items = await agent.ById("agent-call").AllAsync().WaitAsync(Limits.Await);
        var sids = await Task.WhenAll(items.Select(i => i.GetAttributeAsync("data-call-sid"))).WaitAsync(Limits.Await);
        return [.. sids.OfType<string>()];
    }
}
