using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.EndToEnd.Browser;
using PinCovisor.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>
/// The agent console where a newcomer used to trip, one behaviour per test, against the product as
/// it runs in Development (or a host of the test's own where it needs other settings).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgentConsoleTests(DevelopmentSite site, ITestOutputHelper output)
{
    private static readonly float Arrival = Limits.Ms(Limits.Arrival);

    [Fact]
    public async Task OnePressOfPlayStartsTheSharedVideoForTheAgentAndTheCustomerInStep()
    {
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB");
        await using var customer = await site.OpenAsync("customer", Device.Phone, "es-ES");
        var shots = new Screenshots(nameof(OnePressOfPlayStartsTheSharedVideoForTheAgentAndTheCustomerInStep), output, agent, customer);

        await RecordingFailureAsync(shots, async () =>
        {
            var console = new AgentConsole(agent);
            await console.LogInAsync();
            await using var call = await AnsweredCall.AdmittedAsync(site.Host, console, customer);
            await shots.TakeAsync("admitted");

            await console.PlayDemoVideoAsync();
            await Expect(customer.ById("pc-viewer-video")).ToBeVisibleAsync(new() { Timeout = Arrival });

            await Viewer.PlayingInStepAsync(agent, customer);
            await customer.ById("pc-viewer-video").ScrollIntoViewIfNeededAsync().WaitAsync(Limits.Await);
            await shots.TakeAsync("playing");
        });

        PageProblems.AssertNone(agent, customer);
    }

    [Fact]
    public async Task ARejectedCustomerGetsBackInWithANewCodeTheAgentReadsOut()
    {
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB");
        await using var customer = await site.OpenAsync("customer", Device.Desktop, "es-ES");
        var shots = new Screenshots(nameof(ARejectedCustomerGetsBackInWithANewCodeTheAgentReadsOut), output, agent, customer);

        await RecordingFailureAsync(shots, async () =>
        {
            var console = new AgentConsole(agent);
            await console.LogInAsync();
            await using var answered = await AnsweredCall.PlaceAsync(site.Host);
            var call = answered.Call;
            await new Customer(customer).JoinFromShopAsync(call.Pin);
            var entry = agent.ById("agent-waiting-entry").First;
            await console.ShowAsync(entry);
            var sessionId = await entry.GetAttributeAsync("data-session-id").WaitAsync(Limits.Await);
            await shots.TakeAsync("waiting");

            // Turned away: the customer is told so, and the session leaves the agent's lists.
            await entry.GetByTestId("agent-reject").ClickAsync().WaitAsync(Limits.Await);
            await Expect(customer.Page.Locator(".pc-rejected")).ToBeVisibleAsync(new() { Timeout = Arrival });
            await Expect(agent.Page.Locator($"[data-testid=agent-session][data-session-id=\"{sessionId}\"]")).ToHaveCountAsync(0, new() { Timeout = Arrival });
            await Expect(agent.ById("agent-waiting-entry")).ToHaveCountAsync(0, new() { Timeout = Arrival });
            await shots.TakeAsync("rejected");

            // The agent gives the call a new code and reads it out.
            var row = agent.Page.Locator($"[data-testid=agent-call][data-call-sid=\"{call.CallSid}\"]");
            await console.ShowAsync(row);
            await row.GetByTestId("agent-call-new-pin").ClickAsync().WaitAsync(Limits.Await);
            var digits = agent.ById("agent-new-pin-digits");
            await Expect(digits).ToBeVisibleAsync(new() { Timeout = Arrival });
            var pin = await digits.GetAttributeAsync("data-pin").WaitAsync(Limits.Await) ?? "";
            pin.Should().MatchRegex("^[0-9]{6}$").And.NotBe(call.Pin);
            (await digits.TextContentAsync().WaitAsync(Limits.Await)).Should().Be($"{pin[..3]} {pin[3..]}", "grouped in threes for reading out");
            await shots.TakeAsync("new-code");
            await agent.ById("agent-new-pin-close").ClickAsync().WaitAsync(Limits.Await);
            await Expect(agent.ById("agent-new-pin-dialog")).ToHaveCountAsync(0, new() { Timeout = Arrival });

            // The customer enters it, waits for the agent again, and is let in to the same session.
            await customer.Page.Locator(".pc-rejected .pc-button").ClickAsync().WaitAsync(Limits.Await);
            await customer.ById("pc-pin-input").FillAsync(pin).WaitAsync(Limits.Await);
            await customer.ById("pc-pin-submit").ClickAsync().WaitAsync(Limits.Await);
            await Expect(customer.ById("pc-waiting")).ToBeVisibleAsync(new() { Timeout = Arrival });
            (await console.AdmitAsync()).Should().Be(sessionId, "the new code joins the call's session");
            await Expect(customer.ById("pc-covisor")).ToBeVisibleAsync(new() { Timeout = Arrival });
            await console.OpenSessionAsync(sessionId!);
            await shots.TakeAsync("back-in");
        });

        PageProblems.AssertNone(agent, customer);
    }

    [Fact]
    public async Task ASlashInTheChatOffersTheDevelopmentRepliesInBothLanguages()
    {
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB");
        await using var customer = await site.OpenAsync("customer", Device.Phone, "es-ES");
        var shots = new Screenshots(nameof(ASlashInTheChatOffersTheDevelopmentRepliesInBothLanguages), output, agent, customer);

        await RecordingFailureAsync(shots, async () =>
        {
            var console = new AgentConsole(agent);
            await console.LogInAsync();
            await using var call = await AnsweredCall.AdmittedAsync(site.Host, console, customer);
            await agent.ById("pc-chat-input").PressSequentiallyAsync("/").WaitAsync(Limits.Await);
            await Expect(agent.ById("agent-canned")).ToBeVisibleAsync(new() { Timeout = Arrival });
            var shortcuts = await agent.ById("agent-canned-option").EvaluateAllAsync<string[]>("os => os.map(o => o.dataset.shortcut)").WaitAsync(Limits.Await);
            shortcuts.Should().Contain(["/envio", "/shipping", "/devoluciones", "/returns", "/horario", "/hours"]);
            await shots.TakeAsync("replies");

            await agent.ById("pc-chat-input").PressSequentiallyAsync("ret").WaitAsync(Limits.Await);
            await Expect(agent.ById("agent-canned-option").First).ToHaveAttributeAsync("data-shortcut", "/returns", new() { Timeout = Arrival });
            await agent.ById("pc-chat-input").PressAsync("Enter").WaitAsync(Limits.Await);
            await agent.ById("pc-chat-send").ClickAsync().WaitAsync(Limits.Await);
            await Chat.ExpectAsync(customer, "agent", site.Configuration["CannedReplies:3:Text"]!);
            await shots.TakeAsync("sent");
        });

        PageProblems.AssertNone(agent, customer);
    }

    [Fact]
    public async Task ASlashInTheChatOfAShopWithNoRepliesSaysHowToAddThem()
    {
        await using var host = await DevelopmentSite.StartOwnHostAsync();
        var address = host.BaseAddress;
        await RemoveEveryCannedReplyAsync(host);
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "es-ES", address);
        await using var customer = await site.OpenAsync("customer", Device.Phone, "es-ES", address);
        var shots = new Screenshots(nameof(ASlashInTheChatOfAShopWithNoRepliesSaysHowToAddThem), output, agent, customer);

        await RecordingFailureAsync(shots, async () =>
        {
            var console = new AgentConsole(agent);
            await console.LogInAsync();
            await using var call = await AnsweredCall.AdmittedAsync(host, console, customer);
            await agent.ById("pc-chat-input").PressSequentiallyAsync("/").WaitAsync(Limits.Await);
            var hint = agent.ById("agent-canned-hint");
            await Expect(hint).ToBeVisibleAsync(new() { Timeout = Arrival });
            await Expect(hint).ToContainTextAsync("CannedReplies", new() { Timeout = Arrival });
            await Expect(agent.ById("agent-canned-option")).ToHaveCountAsync(0, new() { Timeout = Arrival });
            await shots.TakeAsync("hint");
            await agent.ById("pc-chat-input").PressAsync("Backspace").WaitAsync(Limits.Await);
            await Expect(agent.ById("agent-canned")).ToBeHiddenAsync(new() { Timeout = Arrival });
        });

        PageProblems.AssertNone(agent, customer);
    }

    [Fact]
    public async Task AVisitorWhoJoinedFromTheWidgetIsNotOfferedAnInvitation()
    {
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB");
        await using var customer = await site.OpenAsync("customer", Device.Desktop, "es-ES");
        var shots = new Screenshots(nameof(AVisitorWhoJoinedFromTheWidgetIsNotOfferedAnInvitation), output, agent, customer);

        await RecordingFailureAsync(shots, async () =>
        {
            var console = new AgentConsole(agent);
            await console.LogInAsync();
            await customer.Page.GotoAsync("/demo").WaitAsync(Limits.Await);
            var visitorId = await new Customer(customer).VisitorIdAsync();
            var visitor = agent.Page.Locator($"[data-testid=agent-visitor][data-visitor-id=\"{visitorId}\"]");
            await console.ShowAsync(visitor);
            await Expect(visitor.GetByTestId("agent-invite")).ToBeVisibleAsync(new() { Timeout = Arrival });
            await visitor.ScrollIntoViewIfNeededAsync().WaitAsync(Limits.Await);
            await shots.TakeAsync("browsing");

            await using var call = await AnsweredCall.AdmittedAsync(site.Host, console, customer, fromShop: true);

            // The widget says so on its next report (every 10 s); the list follows on its next poll.
            await console.ShowAsync(visitor);
            await Expect(visitor.GetByTestId("agent-visitor-in-session")).ToBeVisibleAsync(new() { Timeout = Limits.Ms(TimeSpan.FromSeconds(40)) });
            await Expect(visitor.GetByTestId("agent-invite")).ToHaveCountAsync(0, new() { Timeout = Arrival });
            await visitor.ScrollIntoViewIfNeededAsync().WaitAsync(Limits.Await);
            await shots.TakeAsync("in-session");
        });

        PageProblems.AssertNone(agent, customer);
    }

    [Fact]
    public async Task ThePresenceSelectShowsItsStatusColourAlongItsWholeEdge()
    {
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB");
        var shots = new Screenshots(nameof(ThePresenceSelectShowsItsStatusColourAlongItsWholeEdge), output, agent);

        await RecordingFailureAsync(shots, async () =>
        {
            await new AgentConsole(agent).LogInAsync();
            var presence = agent.ById("agent-presence");
            await Expect(presence).ToHaveAttributeAsync("data-status", "available", new() { Timeout = Arrival });
            await shots.TakeAsync("available");
            var edge = await presence.EvaluateAsync<string[]>(
                """
                s => {
                  const style = getComputedStyle(s);
                  const probe = document.createElement("span");
                  probe.style.color = getComputedStyle(document.documentElement).getPropertyValue("--pc-success");
                  document.body.append(probe);
                  const success = getComputedStyle(probe).color;
                  probe.remove();
                  return [style.borderLeftStyle, style.borderLeftWidth, style.borderLeftColor, success, style.boxShadow];
                }
                """).WaitAsync(Limits.Await);
            edge[0].Should().Be("solid");
            edge[1].Should().Be("5px");
            edge[2].Should().Be(edge[3], "the edge is the success colour");
            edge[4].Should().Be("none", "an inset shadow would be cut by the rounded corners");

            await presence.SelectOptionAsync("busy").WaitAsync(Limits.Await);
            await Expect(presence).ToHaveAttributeAsync("data-status", "busy", new() { Timeout = Arrival });
            await presence.FocusAsync().WaitAsync(Limits.Await);
            (await presence.EvaluateAsync<string>("s => getComputedStyle(s).borderLeftColor").WaitAsync(Limits.Await))
                .Should().NotBe(edge[3], "busy has its own colour, focused or not");
            await shots.TakeAsync("busy");
            await presence.SelectOptionAsync("available").WaitAsync(Limits.Await);
        });

        PageProblems.AssertNone(agent);
    }

    private static async Task RemoveEveryCannedReplyAsync(PinCovisorHost host)
    {
        using var ana = await AgentClient.LogInAsync(host, AgentConsole.Username, AgentConsole.Password).WaitAsync(Limits.Await);
        var listed = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<CannedReplyBody[]>(ana.Api, "/api/canned-replies").WaitAsync(Limits.Await);
        foreach (var reply in listed!)
        {
            using var removed = await ana.Api.DeleteAsync($"/api/admin/canned-replies/{reply.Shortcut[1..]}").WaitAsync(Limits.Await);
            removed.EnsureSuccessStatusCode();
        }
    }

    private sealed record CannedReplyBody(string Shortcut, string Text);

    private Task RecordingFailureAsync(Screenshots shots, Func<Task> scenario) => Failures.RecordingAsync(shots, output, site.Host, scenario);
}
