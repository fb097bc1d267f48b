using Microsoft.Playwright;
using PinCovisor.EndToEnd.Browser;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>
/// The README's WhatsApp steps (8 to 11 of "Try it alone on one machine") in one go, in English, as a
/// newcomer reads them: write to the shop and be answered, send a photo, open the covisor from the
/// shop's link in a new tab, and receive a template after the 24-hour window. Each control the README
/// names in bold is found by those words, so the README and the screens cannot drift apart.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadmeWhatsAppWalkThroughTests(DevelopmentSite site, ITestOutputHelper output)
{
    private static readonly float Arrival = Limits.Ms(Limits.Arrival);

    [Fact]
    public async Task TheReadmesWhatsAppStepsGoFromAMessageToAPhotoTheCovisorOnThePhoneAndATemplateAfterTheWindow()
    {
        // Ana signed in (step 1) and the simulator open at /demo/whatsapp (step 8).
        await using var scene = await WhatsAppScene.StartAsync(site, "en-GB", "en-GB");
        var (host, agent, whatsApp) = (scene.Host, scene.Agent, scene.Customer);
        var shots = new Screenshots(nameof(TheReadmesWhatsAppStepsGoFromAMessageToAPhotoTheCovisorOnThePhoneAndATemplateAfterTheWindow), output, agent, whatsApp);
        var console = new Pages.AgentConsole(agent);
        var workspace = agent.Page.Locator(".workspace:not([hidden])");
        var fromShop = whatsApp.Page.Locator("[data-testid=wa-message][data-direction=out]");
        await Failures.RecordingAsync(shots, output, host, async () =>
        {
            // 8. Write to the shop; the conversation shows under Sessions; Ana's reply reaches the phone.
            await whatsApp.ById("wa-text").FillAsync("Hola, ¿tenéis la lámpara Duna?").WaitAsync(Limits.Await);
            await whatsApp.ById("wa-send").ClickAsync().WaitAsync(Limits.Await);
            var conversation = agent.ById("agent-session").Filter(new() { HasText = "WhatsApp" });
            await Expect(conversation).ToContainTextAsync("+34 6•• ••• 456", new() { Timeout = Arrival });
            await conversation.First.ClickAsync().WaitAsync(Limits.Await);
            await Pages.Chat.ExpectAsync(agent, "customer", "Hola, ¿tenéis la lámpara Duna?");
            await Pages.Chat.SendAsync(agent, "Sí, te la enseño.");
            await Expect(fromShop).ToContainTextAsync("Sí, te la enseño.", new() { Timeout = Arrival });
            await shots.TakeAsync("8-answered");

            // 9. Send a photo of the shop's: it appears in the conversation at Ana's console.
            await Button(whatsApp, "Send a photo").ClickAsync().WaitAsync(Limits.Await);
            await whatsApp.ById("wa-text").FillAsync("Esta de aquí").WaitAsync(Limits.Await);
            await whatsApp.Page.Locator("[data-testid=wa-photo-product]").First.ClickAsync().WaitAsync(Limits.Await);
            await Pages.Chat.ExpectAsync(agent, "customer", "Esta de aquí");
            var photo = workspace.GetByTestId("pc-chat-photo");
            await Expect(photo).ToHaveCountAsync(1, new() { Timeout = Arrival });
            await agent.Page.WaitForFunctionAsync(
                "() => { const i = document.querySelector('.workspace:not([hidden]) [data-testid=pc-chat-photo]'); return i && i.complete && i.naturalWidth > 0; }",
                null, new() { Timeout = Arrival }).WaitAsync(Limits.Await);
            await shots.TakeAsync("9-photo");

            // 10. Show on the phone → Send the link; a click on it opens a new tab with this session's covisor.
            var escalate = workspace.GetByTestId("agent-escalate-box");
            await Expect(escalate).ToContainTextAsync("Show on the phone");
            await escalate.GetByRole(AriaRole.Button, new() { Name = "Send the link", Exact = true }).ClickAsync().WaitAsync(Limits.Await);
            var link = fromShop.Locator("[data-testid=wa-link]");
            await Expect(link).ToHaveCountAsync(1, new() { Timeout = Arrival });
            var tab = await whatsApp.Context.RunAndWaitForPageAsync(() => link.ClickAsync()).WaitAsync(Limits.Await);
            var phone = whatsApp with { Name = "phone", Page = tab };
            await Expect(phone.ById("pc-covisor")).ToBeVisibleAsync(new() { Timeout = Arrival });
            await Expect(phone.ById("pc-agent-name")).ToHaveTextAsync("Ana");
            await Pages.Chat.ExpectAsync(phone, "customer", "Hola, ¿tenéis la lámpara Duna?");
            await Pages.Chat.ExpectAsync(phone, "agent", "Sí, te la enseño.");
            await console.ShareProductImageAsync(site, phone);
            await shots.TakeAsync("10-covisor-on-the-phone");

            // 11. The window counts down; 24 h later free text is off and a template goes out instead.
            var window = agent.ById("agent-window");
            await Expect(window).ToHaveAttributeAsync("data-state", "open", new() { Timeout = Arrival });
            await Expect(window).ToContainTextAsync("Window open:");
            await Button(whatsApp, "24 h later").ClickAsync().WaitAsync(Limits.Await);
            await Expect(window).ToHaveTextAsync("Window closed — send a template", new() { Timeout = Arrival });
            await Expect(agent.ById("pc-chat-input")).ToBeDisabledAsync();
            await Expect(workspace.GetByTestId("pc-chat-send")).ToBeDisabledAsync();
            await Expect(workspace.GetByTestId("agent-attach")).ToBeDisabledAsync();
            await agent.Page.GetByLabel("Template", new() { Exact = true }).SelectOptionAsync("pedido_listo").WaitAsync(Limits.Await);
            await agent.ById("agent-template-var").Nth(0).FillAsync("Lucía").WaitAsync(Limits.Await);
            await agent.ById("agent-template-var").Nth(1).FillAsync("AB-104200").WaitAsync(Limits.Await);
            await Button(agent, "Send template").ClickAsync().WaitAsync(Limits.Await);
            await Expect(fromShop.Last).ToContainTextAsync("Hola Lucía, tu pedido AB-104200 está listo para recoger", new() { Timeout = Arrival });
            await shots.TakeAsync("11-template");
            PageProblems.AssertNone(agent, whatsApp);
        });
    }

    private static ILocator Button(Role role, string name) => role.Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
}
