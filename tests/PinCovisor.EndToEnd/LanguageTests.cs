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

    [Theory]
    [InlineData(Device.Phone)]
    [InlineData(Device.Desktop)]
    public async Task TheShopWithTheWidgetOpenShowsOneLanguageSwitch(Device device)
    {
        await using var customer = await site.OpenAsync("customer", device, "es-ES");
        var shots = new Screenshots($"{nameof(TheShopWithTheWidgetOpenShowsOneLanguageSwitch)}-{device}", output, customer);
        await customer.Page.GotoAsync("/demo").WaitAsync(Limits.Await);
        await customer.ById("pc-launcher").ClickAsync().WaitAsync(Limits.Await);
        await Expect(customer.ById("pc-pin-input")).ToBeVisibleAsync(new() { Timeout = Arrival });
        await shots.TakeAsync("widget-open");

        var switches = customer.Page.Locator("[data-testid=demo-lang], [data-testid=pc-lang]");
        var visible = 0;
        foreach (var one in await switches.AllAsync().WaitAsync(Limits.Await))
        {
            visible += await one.IsVisibleAsync().WaitAsync(Limits.Await) ? 1 : 0;
        }

        visible.Should().Be(1, "the shop's page and the widget on it share one language switch");
        PageProblems.AssertNone(customer);
    }

    [Fact]
    public async Task LinesAlreadyShownInTheConsoleAndCountedPhrasesFollowTheSwitch()
    {
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB");
        await using var customer = await site.OpenAsync("customer", Device.Desktop, "en-GB");
        var shots = new Screenshots(nameof(LinesAlreadyShownInTheConsoleAndCountedPhrasesFollowTheSwitch), output, agent, customer);

        await Failures.RecordingAsync(shots, output, site.Host, async () =>
        {
            var console = new AgentConsole(agent);
            await console.LogInAsync();
            await using var call = await AnsweredCall.AdmittedAsync(site.Host, console, customer, fromShop: true);
            await Chat.ExpectAsync(agent, "system", "Customer admitted.");
            var visitorId = await new Customer(customer).VisitorIdAsync();
            var visitor = agent.Page.Locator($"[data-testid=agent-visitor][data-visitor-id=\"{visitorId}\"]");
            await console.ShowAsync(visitor);
            await Expect(visitor).ToContainTextAsync("1 page ·", new() { Timeout = Arrival });
            await shots.TakeAsync("english");

            await agent.ById("pc-lang").ClickAsync().WaitAsync(Limits.Await);
            await Chat.ExpectAsync(agent, "system", "Cliente admitido.");
            (await Chat.Messages(agent, "system").AllTextContentsAsync().WaitAsync(Limits.Await))
                .Should().NotContain(line => line.Contains("admitted", StringComparison.Ordinal) || line.Contains("joined", StringComparison.Ordinal),
                    "lines shown before the switch are rewritten in Spanish");
            await console.ShowAsync(visitor);
            await Expect(visitor).ToContainTextAsync("1 página ·", new() { Timeout = Arrival });
            await Expect(agent.ById("agent-call").First).Not.ToContainTextAsync("Atiende tú", new() { Timeout = Arrival });
            await shots.TakeAsync("spanish");
        });

        PageProblems.AssertNone(agent, customer);
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
