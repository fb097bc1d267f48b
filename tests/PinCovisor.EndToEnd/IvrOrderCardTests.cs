using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.EndToEnd.Browser;
using PinCovisor.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>
/// The caller keys their order number in the IVR (Development: <c>AB-{digits}</c>); Ana finds its card
/// open in the session and shares it with one click; the customer's page shows it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IvrOrderCardTests(DevelopmentSite site, ITestOutputHelper output)
{
    private static readonly float Arrival = Limits.Ms(Limits.Arrival);

    [Fact]
    public async Task AnOrderKeyedOnThePhoneIsOnAnasScreenAndSharedWithTheCustomerInOneClick()
    {
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB");
        await using var customer = await site.OpenAsync("customer", Device.Desktop, "es-ES");
        var shots = new Screenshots(nameof(AnOrderKeyedOnThePhoneIsOnAnasScreenAndSharedWithTheCustomerInOneClick), output, agent, customer);
        var console = new AgentConsole(agent);
        using var http = site.Host.CreateLoopbackClient();
        var twilio = new TwilioCaller(http, site.Configuration["Twilio:AuthToken"]!);

        await console.LogInAsync();
        var call = await Caller.CallAsync(twilio).WaitAsync(Limits.Await);
        var form = TwilioCaller.InboundCall(call.CallSid);
        await twilio.TwiMLAsync("/twilio/voice/menu?repeats=0", [.. form, new("Digits", "3")]).WaitAsync(Limits.Await);
        var keyed = await twilio.TwiMLAsync("/twilio/voice/order?try=1", [.. form, new("Digits", "104200")]).WaitAsync(Limits.Await);
        keyed.Spoken().Should().Contain("Gracias, el agente tendrá su pedido a la vista.");
        await Caller.AnswerAsync(twilio, call.CallSid).WaitAsync(Limits.Await);
        await new Customer(customer).JoinByLinkAsync(call.Pin);
        await Expect(customer.ById("pc-agent-name")).ToHaveTextAsync("Ana", new() { Timeout = Arrival });
        var sessionId = await console.AdmitAsync();
        await Expect(customer.ById("pc-covisor")).ToBeVisibleAsync(new() { Timeout = Arrival });
        await console.OpenSessionAsync(sessionId);

        // Nobody clicked or typed a number: the card is open from the number the caller keyed.
        var card = agent.Page.Locator(".workspace:not([hidden]) [data-testid=agent-order-card]");
        await Expect(card.GetByTestId("agent-order-number")).ToHaveTextAsync("Order AB-104200", new() { Timeout = Arrival });
        await Expect(card.GetByTestId("agent-order-keyed")).ToHaveTextAsync("Keyed by the caller on the phone");
        await Expect(card.GetByTestId("agent-order-status")).ToHaveTextAsync("Enviado", new() { Timeout = Arrival });
        await shots.TakeAsync("keyed-card");

        await card.GetByTestId("agent-order-share").ClickAsync().WaitAsync(Limits.Await);

        var shared = customer.Page.Locator("[data-testid=pc-order-card][data-order='AB-104200']");
        await Expect(shared.GetByTestId("pc-order-status")).ToHaveTextAsync("Enviado", new() { Timeout = Arrival });
        await Expect(shared.Locator(".pc-card-title")).ToHaveTextAsync("Pedido AB-104200");
        await Expect(shared.GetByTestId("pc-order-delivery")).ToContainTextAsync("2026");
        await Expect(shared.GetByTestId("pc-order-item")).ToHaveCountAsync(2);
        await Expect(shared.GetByTestId("pc-order-item").First).ToContainTextAsync("1 × Lámpara de mesa Duna");
        await Expect(shared.GetByTestId("pc-order-total")).ToContainTextAsync("118,90");
        // Ana's chat shows what she sent, in her language.
        await Expect(agent.Page.Locator(".workspace:not([hidden]) [data-testid=pc-order-card] .pc-card-title")).ToHaveTextAsync("Order AB-104200",
            new() { Timeout = Arrival });
        await shots.TakeAsync("shared");
        PageProblems.AssertNone(agent, customer);
    }
}
