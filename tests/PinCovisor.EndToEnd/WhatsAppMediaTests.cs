using PinCovisor.EndToEnd.Browser;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>Photos from the WhatsApp simulator: the host fetches them from the simulated Twilio and Ana's console shows them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WhatsAppMediaTests(DevelopmentSite site, ITestOutputHelper output)
{
    private static readonly float Arrival = Limits.Ms(Limits.Arrival);

    [Fact]
    public async Task APhotoTheNewcomerSendsFromTheSimulatorIsShownInAnasConsole()
    {
        await using var host = await DevelopmentSite.StartOwnHostAsync();
        var address = host.BaseAddress;
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB", address);
        await using var customer = await site.OpenAsync("customer", Device.Phone, "es-ES", address);
        var shots = new Screenshots(nameof(APhotoTheNewcomerSendsFromTheSimulatorIsShownInAnasConsole), output, agent, customer);
        await new Pages.AgentConsole(agent).LogInAsync();
        await customer.Page.GotoAsync("/demo/whatsapp").WaitAsync(Limits.Await);
        await Expect(customer.ById("wa-send")).ToBeEnabledAsync(new() { Timeout = Arrival });

        await customer.ById("wa-photo").ClickAsync().WaitAsync(Limits.Await);
        await customer.ById("wa-text").FillAsync("¿Tenéis esta lámpara?").WaitAsync(Limits.Await);
        await customer.Page.Locator("[data-testid=wa-photo-product][data-product-id=aurora-lampara-duna]").ClickAsync().WaitAsync(Limits.Await);
        await Expect(customer.Page.Locator("[data-testid=wa-message][data-direction=in]").Last).ToHaveAttributeAsync("data-status", "received", new() { Timeout = Arrival });
        await shots.TakeAsync("photo-sent");

        var conversation = agent.ById("agent-session").First;
        await Expect(conversation).ToContainTextAsync("+34 6•• ••• 456", new() { Timeout = Arrival });
        await conversation.ClickAsync().WaitAsync(Limits.Await);
        var line = await Pages.Chat.ExpectAsync(agent, "customer", "¿Tenéis esta lámpara?");
        var photo = agent.Page.Locator(".workspace:not([hidden]) [data-testid=pc-chat-photo]");
        await Expect(photo).ToHaveCountAsync(1, new() { Timeout = Arrival });
        await Expect(photo).ToBeVisibleAsync(new() { Timeout = Arrival });
        await Expect(photo).ToHaveAttributeAsync("alt", "Customer's photo");
        var src = (await photo.GetAttributeAsync("src").WaitAsync(Limits.Await))!;
        src.Should().MatchRegex("^/api/sessions/s_[^/]+/media/m_[A-Za-z0-9_-]{22}$", "the console loads the session's copy, never Twilio's URL");
        await agent.Page.WaitForFunctionAsync("() => { const i = document.querySelector('.workspace:not([hidden]) [data-testid=pc-chat-photo]'); return i && i.complete && i.naturalWidth > 0; }",
            null, new() { Timeout = Arrival }).WaitAsync(Limits.Await);
        await shots.TakeAsync("photo-at-the-console");
        (await line.CountAsync().WaitAsync(Limits.Await)).Should().Be(1);
        await Expect(agent.Page.Locator("[data-testid=pc-chat-pending]")).ToHaveCountAsync(0);
        PageProblems.AssertNone(agent, customer);
    }
}
