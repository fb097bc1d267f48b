using PinCovisor.EndToEnd.Browser;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>A WhatsApp conversation escalated to the covisor: Ana sends a link, the customer's phone opens the same session.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WhatsAppEscalationTests(DevelopmentSite site, ITestOutputHelper output)
{
    private static readonly float Arrival = Limits.Ms(Limits.Arrival);

    [Fact]
    public async Task AnasLinkOpensTheConversationsCovisorOnThePhoneWithItsHistoryAndWhatSheShares()
    {
        await using var host = await DevelopmentSite.StartOwnHostAsync();
        var address = host.BaseAddress;
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB", address);
        await using var whatsApp = await site.OpenAsync("whatsapp", Device.Phone, "es-ES", address);
        var console = new Pages.AgentConsole(agent);
        await console.LogInAsync();
        await whatsApp.Page.GotoAsync("/demo/whatsapp").WaitAsync(Limits.Await);
        await Expect(whatsApp.ById("wa-send")).ToBeEnabledAsync(new() { Timeout = Arrival });
        await whatsApp.ById("wa-text").FillAsync("¿Cómo es la lámpara Duna?").WaitAsync(Limits.Await);
        await whatsApp.ById("wa-send").ClickAsync().WaitAsync(Limits.Await);

        var conversation = agent.ById("agent-session").First;
        await Expect(conversation).ToContainTextAsync("+34 6•• ••• 456", new() { Timeout = Arrival });
        await conversation.ClickAsync().WaitAsync(Limits.Await);
        await Pages.Chat.ExpectAsync(agent, "customer", "¿Cómo es la lámpara Duna?");
        await agent.ById("agent-escalate").ClickAsync().WaitAsync(Limits.Await);
        await Expect(agent.ById("agent-escalate-text")).ToContainTextAsync("Link sent at", new() { Timeout = Arrival });

        // The simulator shows the shop's line with the link as an anchor the customer can tap.
        var link = whatsApp.Page.Locator("[data-testid=wa-message][data-direction=out] [data-testid=wa-link]");
        await Expect(link).ToHaveCountAsync(1, new() { Timeout = Arrival });
        await Expect(whatsApp.Page.Locator("[data-testid=wa-message][data-direction=out]")).ToContainTextAsync("Abre este enlace");
        var href = (await link.GetAttributeAsync("href").WaitAsync(Limits.Await))!;
        href.Should().StartWith(new Uri(address, "/join?invite=").ToString());

        await using var phone = await site.OpenAsync("phone", Device.Phone, "es-ES", address);
        var shots = new Screenshots(nameof(AnasLinkOpensTheConversationsCovisorOnThePhoneWithItsHistoryAndWhatSheShares), output, agent, whatsApp, phone);
        await phone.Page.GotoAsync(href).WaitAsync(Limits.Await);

        await Expect(phone.ById("pc-covisor")).ToBeVisibleAsync(new() { Timeout = Arrival });
        await Expect(phone.ById("pc-agent-name")).ToHaveTextAsync("Ana");
        await Pages.Chat.ExpectAsync(phone, "customer", "¿Cómo es la lámpara Duna?");
        await Pages.Chat.ExpectAsync(phone, "agent", "Abre este enlace");
        new Uri(phone.Page.Url).Query.Should().NotContain("invite", "the single-use link leaves the address bar");
        await Expect(agent.Page.Locator(".workspace:not([hidden]) .devices .device.admitted")).ToHaveCountAsync(1, new() { Timeout = Arrival });
        await shots.TakeAsync("joined");

        await Pages.Chat.SendAsync(agent, "Mira, esta es la Duna.");
        await Pages.Chat.ExpectAsync(phone, "agent", "Mira, esta es la Duna.");
        await console.ShareProductImageAsync(site, phone);
        await shots.TakeAsync("shared");

        await phone.Page.ReloadAsync().WaitAsync(Limits.Await);
        await Expect(phone.ById("pc-covisor")).ToBeVisibleAsync(new() { Timeout = Arrival });
        await Pages.Chat.ExpectAsync(phone, "agent", "Mira, esta es la Duna.");

        // Single use: the same link on another phone is turned away with what to do.
        await using var other = await site.OpenAsync("other-phone", Device.Phone, "es-ES", address);
        await other.Page.GotoAsync(href).WaitAsync(Limits.Await);
        await Expect(other.ById("pc-error")).ToHaveTextAsync("Este enlace ya se ha usado o ha caducado; pide uno nuevo a la tienda.", new() { Timeout = Arrival });
        await Expect(other.ById("pc-covisor")).ToHaveCountAsync(0);
        PageProblems.AssertNone(agent, whatsApp, phone);
    }
}
