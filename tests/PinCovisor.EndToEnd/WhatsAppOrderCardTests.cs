using PinCovisor.EndToEnd.Browser;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>An order number in a WhatsApp message opens the order's card in Ana's console, from the demo's order file.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WhatsAppOrderCardTests(DevelopmentSite site, ITestOutputHelper output)
{
    private static readonly float Arrival = Limits.Ms(Limits.Arrival);

    [Fact]
    public async Task AnaClicksTheCustomersOrderNumberAndTheCardShowsItsStatusAndItems()
    {
        await using var scene = await WhatsAppScene.StartAsync(site, "es-ES");
        var agent = scene.Agent;
        var shots = new Screenshots(nameof(AnaClicksTheCustomersOrderNumberAndTheCardShowsItsStatusAndItems), output, agent, scene.Customer);
        await scene.Customer.ById("wa-text").FillAsync("Mi pedido es AB-104200").WaitAsync(Limits.Await);
        await scene.Customer.ById("wa-send").ClickAsync().WaitAsync(Limits.Await);

        await agent.ById("agent-session").First.ClickAsync(new() { Timeout = Arrival }).WaitAsync(Limits.Await);
        var mark = agent.Page.Locator(".workspace:not([hidden]) mark.pc-order[data-order='AB-104200']");
        await mark.ClickAsync(new() { Timeout = Arrival }).WaitAsync(Limits.Await);

        var card = agent.Page.Locator(".workspace:not([hidden]) [data-testid=agent-order-card]");
        await Expect(card.GetByTestId("agent-order-status")).ToHaveTextAsync("Enviado", new() { Timeout = Arrival });
        await Expect(card.GetByTestId("agent-order-number")).ToHaveTextAsync("Pedido AB-104200");
        await Expect(card.GetByTestId("agent-order-item")).ToHaveCountAsync(2);
        await Expect(card.GetByTestId("agent-order-item").First).ToContainTextAsync("1 ×Lámpara de mesa Duna");
        await Expect(card.GetByTestId("agent-order-total")).ToContainTextAsync("118,90");
        await shots.TakeAsync("card");

        // Typed into the lookup box, a number nobody wrote is looked up too; one the shop lacks says so.
        var box = agent.Page.Locator(".workspace:not([hidden]) [data-testid=agent-order-box]");
        await box.GetByTestId("agent-order-input").FillAsync("CD-550012").WaitAsync(Limits.Await);
        await box.GetByTestId("agent-order-search").ClickAsync().WaitAsync(Limits.Await);
        await Expect(card.GetByTestId("agent-order-status")).ToHaveTextAsync("Entregado", new() { Timeout = Arrival });
        await box.GetByTestId("agent-order-input").FillAsync("ZZ-000000").WaitAsync(Limits.Await);
        await box.GetByTestId("agent-order-search").ClickAsync().WaitAsync(Limits.Await);
        await Expect(card.GetByTestId("agent-order-message")).ToHaveTextAsync("No order ZZ-000000 in the shop's orders.", new() { Timeout = Arrival });
        PageProblems.AssertNone(agent, scene.Customer);
    }

    [Fact]
    public async Task AnaSharesTheOrderAndTheCustomerGetsItsSummaryOnWhatsApp()
    {
        await using var scene = await WhatsAppScene.StartAsync(site, "es-ES");
        var agent = scene.Agent;
        var shots = new Screenshots(nameof(AnaSharesTheOrderAndTheCustomerGetsItsSummaryOnWhatsApp), output, agent, scene.Customer);
        await scene.Customer.ById("wa-text").FillAsync("¿Dónde está mi pedido AB-104200?").WaitAsync(Limits.Await);
        await scene.Customer.ById("wa-send").ClickAsync().WaitAsync(Limits.Await);
        await agent.ById("agent-session").First.ClickAsync(new() { Timeout = Arrival }).WaitAsync(Limits.Await);
        await agent.Page.Locator(".workspace:not([hidden]) mark.pc-order[data-order='AB-104200']").ClickAsync(new() { Timeout = Arrival }).WaitAsync(Limits.Await);
        var card = agent.Page.Locator(".workspace:not([hidden]) [data-testid=agent-order-card]");
        await Expect(card.GetByTestId("agent-order-status")).ToHaveTextAsync("Enviado", new() { Timeout = Arrival });

        await card.GetByTestId("agent-order-share").ClickAsync().WaitAsync(Limits.Await);

        var reply = scene.Customer.Page.Locator("[data-testid=wa-message][data-direction=out]").Last;
        await Expect(reply).ToContainTextAsync("Pedido AB-104200: Enviado.", new() { Timeout = Arrival });
        await Expect(reply).ToContainTextAsync("Total: 118,90 EUR.");
        await Expect(agent.Page.Locator(".workspace:not([hidden]) .pc-own .pc-msg").Last).ToContainTextAsync("Pedido AB-104200: Enviado.",
            new() { Timeout = Arrival });
        await shots.TakeAsync("summary-sent");
        PageProblems.AssertNone(agent, scene.Customer);
    }
}
