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
        await using var scene = await WhatsAppScene.StartAsync(site, "en-GB");
        var (agent, customer) = (scene.Agent, scene.Customer);
        var shots = new Screenshots(nameof(APhotoTheNewcomerSendsFromTheSimulatorIsShownInAnasConsole), output, agent, customer);

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

    [Fact]
    public async Task APhotoAnaAttachesInTheConversationsChatBoxReachesTheSimulatedPhoneWithItsCaption()
    {
        await using var scene = await WhatsAppScene.StartAsync(site, "es-ES");
        var (agent, customer, address) = (scene.Agent, scene.Customer, scene.Host.BaseAddress);
        var shots = new Screenshots(nameof(APhotoAnaAttachesInTheConversationsChatBoxReachesTheSimulatedPhoneWithItsCaption), output, agent, customer);
        await customer.ById("wa-text").FillAsync("¿Me enseñas el color?").WaitAsync(Limits.Await);
        await customer.ById("wa-send").ClickAsync().WaitAsync(Limits.Await);
        var conversation = agent.ById("agent-session").First;
        await Expect(conversation).ToContainTextAsync("+34 6•• ••• 456", new() { Timeout = Arrival });
        await conversation.ClickAsync().WaitAsync(Limits.Await);
        await Pages.Chat.ExpectAsync(agent, "customer", "¿Me enseñas el color?");

        var workspace = agent.Page.Locator(".workspace:not([hidden])");
        await Expect(workspace.GetByTestId("agent-attach")).ToHaveAttributeAsync("aria-label", "Enviar una foto o un PDF");
        await workspace.GetByTestId("pc-chat-input").FillAsync("Este es el terracota").WaitAsync(Limits.Await);
        await workspace.GetByTestId("agent-attach-file").SetInputFilesAsync(new Microsoft.Playwright.FilePayload
        {
            Name = "terracota.png", MimeType = "image/png", Buffer = PhoneBridge.Testing.Media.TestImages.PngWithAlpha(48, 32),
        }).WaitAsync(Limits.Await);

        await Expect(workspace.GetByTestId("pc-chat-photo")).ToHaveCountAsync(1, new() { Timeout = Arrival });
        await Pages.Chat.ExpectAsync(agent, "agent", "Este es el terracota");
        await Expect(workspace.GetByTestId("pc-chat-input")).ToHaveValueAsync("");
        var received = customer.Page.Locator("[data-testid=wa-message][data-direction=out]");
        await Expect(received).ToContainTextAsync("Este es el terracota", new() { Timeout = Arrival });
        var image = received.Locator("img.wa-media");
        await Expect(image).ToBeVisibleAsync(new() { Timeout = Arrival });
        (await image.GetAttributeAsync("src").WaitAsync(Limits.Await)).Should().StartWith(new Uri(address, "/media/out/").ToString());
        await customer.Page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-direction=out] img.wa-media'); return i && i.complete && i.naturalWidth === 48; }",
            null, new() { Timeout = Arrival }).WaitAsync(Limits.Await);
        await shots.TakeAsync("photo-on-the-phone");
        PageProblems.AssertNone(agent, customer);
    }

    [Fact]
    public async Task TheCustomersPhotoIsInTheHistoryTheirPhoneShowsWhenTheyOpenAnasCovisorLink()
    {
        await using var scene = await WhatsAppScene.StartAsync(site, "en-GB");
        var (agent, customer) = (scene.Agent, scene.Customer);
        await customer.ById("wa-photo").ClickAsync().WaitAsync(Limits.Await);
        await customer.Page.Locator("[data-testid=wa-photo-product][data-product-id=aurora-lampara-duna]").ClickAsync().WaitAsync(Limits.Await);
        var conversation = agent.ById("agent-session").First;
        await Expect(conversation).ToContainTextAsync("+34 6•• ••• 456", new() { Timeout = Arrival });
        await conversation.ClickAsync().WaitAsync(Limits.Await);
        await Expect(agent.Page.Locator(".workspace:not([hidden]) [data-testid=pc-chat-photo]")).ToBeVisibleAsync(new() { Timeout = Arrival });
        await agent.ById("agent-escalate").ClickAsync().WaitAsync(Limits.Await);
        var link = customer.Page.Locator("[data-testid=wa-message][data-direction=out] [data-testid=wa-link]");
        await Expect(link).ToHaveCountAsync(1, new() { Timeout = Arrival });
        var href = (await link.GetAttributeAsync("href").WaitAsync(Limits.Await))!;

        await using var phone = await site.OpenAsync("phone", Device.Phone, "es-ES", scene.Host.BaseAddress);
        var shots = new Screenshots(nameof(TheCustomersPhotoIsInTheHistoryTheirPhoneShowsWhenTheyOpenAnasCovisorLink), output, agent, phone);
        await phone.Page.GotoAsync(href).WaitAsync(Limits.Await);

        await Expect(phone.ById("pc-covisor")).ToBeVisibleAsync(new() { Timeout = Arrival });
        var photo = phone.Page.GetByTestId("pc-chat-photo");
        await Expect(photo).ToBeVisibleAsync(new() { Timeout = Arrival });
        await Expect(photo).ToHaveAttributeAsync("alt", "Foto del cliente");
        await phone.Page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=pc-chat-photo]'); return i && i.complete && i.naturalWidth > 0; }",
            null, new() { Timeout = Arrival }).WaitAsync(Limits.Await);
        await Expect(phone.Page.GetByTestId("pc-chat-pending")).ToHaveCountAsync(0);
        await shots.TakeAsync("photo-in-the-phones-history");
        PageProblems.AssertNone(agent, customer, phone);
    }
}
