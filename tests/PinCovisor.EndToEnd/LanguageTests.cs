using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PinCovisor.EndToEnd.Browser;
using PinCovisor.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>
/// One language choice per person: a switch anywhere applies at once to everything on their screen —
/// the shop's page and the widget on it (two scripts of their own), and the person's other windows of
/// the site — lines already shown included.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(DevelopmentSite site, ITestOutputHelper output)
{
    private static readonly float Arrival = Limits.Ms(Limits.Arrival);

    [Fact]
    public async Task TheShopsSwitchAndTheWidgetsFollowEachOther()
    {
        await using var customer = await site.OpenAsync("customer", Device.Desktop, "es-ES");
        var shots = new Screenshots(nameof(TheShopsSwitchAndTheWidgetsFollowEachOther), output, customer);
        await customer.Page.GotoAsync("/demo").WaitAsync(Limits.Await);
        await customer.ById("pc-launcher").ClickAsync().WaitAsync(Limits.Await);
        var widgetTitle = customer.Page.Locator(".pc-app-title");
        await Expect(widgetTitle).ToHaveTextAsync("Pantalla compartida", new() { Timeout = Arrival });
        await shots.TakeAsync("spanish");

        // The shop's own switch: the widget follows without a reload.
        await customer.ById("demo-lang").ClickAsync().WaitAsync(Limits.Await);
        await Expect(widgetTitle).ToHaveTextAsync("Shared screen", new() { Timeout = Arrival });
        await Expect(customer.Page.Locator("html")).ToHaveAttributeAsync("lang", "en", new() { Timeout = Arrival });
        await shots.TakeAsync("english-from-the-shop");

        // A reload keeps the choice; switching back reaches the widget too.
        await customer.Page.ReloadAsync().WaitAsync(Limits.Await);
        await Expect(customer.Page.Locator("#demo-hero-title")).ToHaveTextAsync("Simple things for a calm home", new() { Timeout = Arrival });
        await customer.ById("pc-launcher").ClickAsync().WaitAsync(Limits.Await);
        await Expect(widgetTitle).ToHaveTextAsync("Shared screen", new() { Timeout = Arrival });
        await customer.ById("demo-lang").ClickAsync().WaitAsync(Limits.Await);
        await Expect(widgetTitle).ToHaveTextAsync("Pantalla compartida", new() { Timeout = Arrival });
        await Expect(customer.ById("pc-pin-submit")).ToHaveTextAsync("Entrar", new() { Timeout = Arrival });
        await shots.TakeAsync("spanish-again");

        PageProblems.AssertNone(customer);
    }

    [Fact]
    public async Task ASwitchInOneWindowReachesThePersonsOtherWindowsOfTheSite()
    {
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB");
        var shots = new Screenshots(nameof(ASwitchInOneWindowReachesThePersonsOtherWindowsOfTheSite), output, agent);
        await new AgentConsole(agent).LogInAsync();
        var simulator = await agent.Context.NewPageAsync().WaitAsync(Limits.Await);
        await simulator.GotoAsync("/demo/phone").WaitAsync(Limits.Await);
        await Expect(simulator.Locator("html")).ToHaveAttributeAsync("lang", new Regex("^en"), new() { Timeout = Arrival });

        await simulator.GetByTestId("pc-lang").ClickAsync().WaitAsync(Limits.Await);
        await Expect(simulator.Locator("html")).ToHaveAttributeAsync("lang", new Regex("^es"), new() { Timeout = Arrival });
        await Expect(agent.Page.Locator("html")).ToHaveAttributeAsync("lang", new Regex("^es"), new() { Timeout = Arrival });
        await Expect(agent.ById("pc-lang")).ToHaveAttributeAsync("aria-label", new Regex("switch to English"), new() { Timeout = Arrival });
        await shots.TakeAsync("console-in-spanish");

        await agent.ById("pc-lang").ClickAsync().WaitAsync(Limits.Await);
        await Expect(simulator.Locator("html")).ToHaveAttributeAsync("lang", new Regex("^en"), new() { Timeout = Arrival });
        PageProblems.AssertNone(agent);
    }
}
