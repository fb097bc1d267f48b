using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.EndToEnd.Browser;
using PinCovisor.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>The satisfaction question on the customer page once the agent ends the session, answered with the keyboard and the mouse.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CsatTests(DevelopmentSite site, ITestOutputHelper output)
{
    private static readonly float Arrival = Limits.Ms(Limits.Arrival);

    [Fact]
    public async Task AfterTheAgentEndsTheSessionTheCustomerRatesItFourWithACommentAndIsThanked()
    {
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB");
        await using var customer = await site.OpenAsync("customer", Device.Phone, "en-GB");
        var shots = new Screenshots(nameof(AfterTheAgentEndsTheSessionTheCustomerRatesItFourWithACommentAndIsThanked), output, agent, customer);
        var console = new AgentConsole(agent);
        using var http = site.Host.CreateLoopbackClient();
        var twilio = new TwilioCaller(http, site.Configuration["Twilio:AuthToken"]!);
        const string comment = "Very <b>kind</b>, thanks";

        await console.LogInAsync();
        var call = await Caller.CallAsync(twilio).WaitAsync(Limits.Await);
        await Caller.AnswerAsync(twilio, call.CallSid).WaitAsync(Limits.Await);
        await new Customer(customer).JoinByLinkAsync(call.Pin);
        var sessionId = await console.AdmitAsync();
        await Expect(customer.ById("pc-covisor")).ToBeVisibleAsync(new() { Timeout = Arrival });
        await console.OpenSessionAsync(sessionId);
        await shots.TakeAsync("admitted");

        await agent.ById("agent-end-session").ClickAsync().WaitAsync(Limits.Await);
        await agent.ById("agent-end-dialog-confirm").ClickAsync().WaitAsync(Limits.Await);
        await Expect(customer.ById("pc-session-ended")).ToBeVisibleAsync(new() { Timeout = Arrival });
        await Expect(customer.ById("pc-csat")).ToBeVisibleAsync(new() { Timeout = Arrival });
        await Expect(customer.ById("pc-csat-send")).ToBeDisabledAsync(new() { Timeout = Arrival });
        await shots.TakeAsync("asked");
        // The keyboard reaches and presses a score like any button; then the mouse changes it to 4.
        await customer.ById("pc-csat-2").FocusAsync().WaitAsync(Limits.Await);
        await customer.Page.Keyboard.PressAsync("Enter").WaitAsync(Limits.Await);
        await Expect(customer.ById("pc-csat-2")).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = Arrival });
        await customer.ById("pc-csat-4").ClickAsync().WaitAsync(Limits.Await);
        await Expect(customer.ById("pc-csat-4")).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = Arrival });
        await Expect(customer.ById("pc-csat-2")).ToHaveAttributeAsync("aria-pressed", "false", new() { Timeout = Arrival });
        await Expect(customer.ById("pc-csat-4")).ToHaveAttributeAsync("aria-label", "4 out of 5", new() { Timeout = Arrival });
        await customer.ById("pc-csat-comment").FillAsync(comment).WaitAsync(Limits.Await);
        await customer.ById("pc-csat-send").ClickAsync().WaitAsync(Limits.Await);
        await Expect(customer.ById("pc-csat-thanks")).ToHaveTextAsync("Thank you for your answer!", new() { Timeout = Arrival });
        await shots.TakeAsync("thanked");

        using var admin = site.Host.CreateLoopbackClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SessionSeeder.AgentTokenAsync(site.Host, AgentConsole.Username));
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/admin/csat/responses?agent=ana").WaitAsync(Limits.Await);
        var mine = list.GetProperty("responses").EnumerateArray().Single(r => r.GetProperty("sessionId").GetString() == sessionId);
        mine.GetProperty("score").GetInt32().Should().Be(4);
        mine.GetProperty("comment").GetString().Should().Be(comment);
        PageProblems.AssertNone(agent, customer);
    }

    [Fact]
    public async Task TheShopsWidgetAsksInSpanishAndThanksTheCustomerForAFive()
    {
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB");
        await using var customer = await site.OpenAsync("customer", Device.Desktop, "es-ES");
        var shots = new Screenshots(nameof(TheShopsWidgetAsksInSpanishAndThanksTheCustomerForAFive), output, agent, customer);
        var console = new AgentConsole(agent);
        using var http = site.Host.CreateLoopbackClient();
        var twilio = new TwilioCaller(http, site.Configuration["Twilio:AuthToken"]!);

        await console.LogInAsync();
        var call = await Caller.CallAsync(twilio).WaitAsync(Limits.Await);
        await Caller.AnswerAsync(twilio, call.CallSid).WaitAsync(Limits.Await);
        await new Customer(customer).JoinFromShopAsync(call.Pin);
        var sessionId = await console.AdmitAsync();
        await Expect(customer.ById("pc-covisor")).ToBeVisibleAsync(new() { Timeout = Arrival });
        await console.OpenSessionAsync(sessionId);
        await agent.ById("agent-end-session").ClickAsync().WaitAsync(Limits.Await);
        await agent.ById("agent-end-dialog-confirm").ClickAsync().WaitAsync(Limits.Await);

        await Expect(customer.ById("pc-csat")).ToContainTextAsync("¿Qué tal te hemos atendido?", new() { Timeout = Arrival });
        await customer.ById("pc-csat-5").ClickAsync().WaitAsync(Limits.Await);
        await shots.TakeAsync("asked");
        await customer.ById("pc-csat-send").ClickAsync().WaitAsync(Limits.Await);

        await Expect(customer.ById("pc-csat-thanks")).ToHaveTextAsync("¡Gracias por tu respuesta!", new() { Timeout = Arrival });
        await shots.TakeAsync("thanked");
        PageProblems.AssertNone(agent, customer);
    }
}
