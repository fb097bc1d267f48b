using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PhoneBridge.Testing.Web;
using PinCovisor.EndToEnd.Browser;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>
/// WhatsApp's 24-hour window in the console, and the approved template the customer receives after it:
/// the README's step 9, with the controls found by the words the README names them with.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WhatsAppWindowTests(DevelopmentSite site, ITestOutputHelper output)
{
    private static readonly float Arrival = Limits.Ms(Limits.Arrival);

    [Fact]
    public async Task AfterTheWindowFreeTextIsBlockedAndTheCustomerReceivesATemplateInItsOwnWords()
    {
        await using var host = await DevelopmentSite.StartOwnHostAsync();
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB", host.BaseAddress);
        await using var customer = await site.OpenAsync("customer", Device.Phone, "en-GB", host.BaseAddress);
        var shots = new Screenshots(nameof(AfterTheWindowFreeTextIsBlockedAndTheCustomerReceivesATemplateInItsOwnWords), output, agent, customer);
        await new Pages.AgentConsole(agent).LogInAsync();
        await customer.Page.GotoAsync("/demo/whatsapp").WaitAsync(Limits.Await);
        await Expect(customer.ById("wa-send")).ToBeEnabledAsync(new() { Timeout = Arrival });

        await customer.ById("wa-text").FillAsync("¿Está listo mi pedido?").WaitAsync(Limits.Await);
        await customer.ById("wa-send").ClickAsync().WaitAsync(Limits.Await);
        await agent.ById("agent-session").First.ClickAsync(new() { Timeout = Arrival }).WaitAsync(Limits.Await);
        await Pages.Chat.ExpectAsync(agent, "customer", "¿Está listo mi pedido?");
        var window = agent.ById("agent-window");
        await Expect(window).ToHaveAttributeAsync("data-state", "open", new() { Timeout = Arrival });
        await Expect(window).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"^Window open: 2[34] h \d+ min left$"));
        await Pages.Chat.SendAsync(agent, "Let me check.");
        var shop = customer.Page.Locator("[data-testid=wa-message][data-direction=out]");
        await Expect(shop).ToContainTextAsync("Let me check.", new() { Timeout = Arrival });
        // The simulator reports the line sent, delivered and read to its status callback: blue ticks in the console.
        var ticks = agent.Page.Locator(".pc-msg-row.pc-own", new() { HasText = "Let me check." }).GetByTestId("pc-chat-status");
        await Expect(ticks).ToHaveAttributeAsync("data-state", "read", new() { Timeout = Arrival });
        await shots.TakeAsync("window-open");

        await customer.Page.GetByRole(AriaRole.Button, new() { Name = "24 h later", Exact = true }).ClickAsync().WaitAsync(Limits.Await);
        await Expect(customer.ById("wa-later-done")).ToContainTextAsync("A day has passed", new() { Timeout = Arrival });

        // The console reads its sessions again every few seconds: the window shows closed, free text is off.
        await Expect(window).ToHaveAttributeAsync("data-state", "closed", new() { Timeout = Arrival });
        await Expect(window).ToHaveTextAsync("Window closed — send a template");
        await Expect(agent.ById("pc-chat-input")).ToBeDisabledAsync();
        await agent.Page.GetByLabel("Template", new() { Exact = true }).SelectOptionAsync("pedido_listo").WaitAsync(Limits.Await);
        await agent.ById("agent-template-var").Nth(0).FillAsync("Lucía").WaitAsync(Limits.Await);
        await agent.ById("agent-template-var").Nth(1).FillAsync("A-1042").WaitAsync(Limits.Await);
        const string words = "Hola Lucía, tu pedido A-1042 está listo para recoger en Tienda Aurora. ¿Te va bien pasar hoy?";
        await Expect(agent.ById("agent-template-preview")).ToHaveTextAsync(words);
        await shots.TakeAsync("window-closed");
        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Send template", Exact = true }).ClickAsync().WaitAsync(Limits.Await);

        await Expect(shop.Last).ToContainTextAsync(words, new() { Timeout = Arrival });
        await Pages.Chat.ExpectAsync(agent, "agent", words);
        await shots.TakeAsync("template-received");
        await Expect(customer.ById("wa-error")).ToBeHiddenAsync();
        PageProblems.AssertNone(agent, customer);
    }

    [Fact]
    public async Task AMessageTwilioCouldNotDeliverTurnsRedWithTheReasonInTheConsole()
    {
        await using var host = await DevelopmentSite.StartOwnHostAsync();
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB", host.BaseAddress);
        await using var customer = await site.OpenAsync("customer", Device.Phone, "en-GB", host.BaseAddress);
        var shots = new Screenshots(nameof(AMessageTwilioCouldNotDeliverTurnsRedWithTheReasonInTheConsole), output, agent, customer);
        await new Pages.AgentConsole(agent).LogInAsync();
        await customer.Page.GotoAsync("/demo/whatsapp").WaitAsync(Limits.Await);
        await Expect(customer.ById("wa-send")).ToBeEnabledAsync(new() { Timeout = Arrival });
        await customer.ById("wa-text").FillAsync("Is the Duna lamp in stock?").WaitAsync(Limits.Await);
        await customer.ById("wa-send").ClickAsync().WaitAsync(Limits.Await);
        await agent.ById("agent-session").First.ClickAsync(new() { Timeout = Arrival }).WaitAsync(Limits.Await);
        await Pages.Chat.SendAsync(agent, "Yes, two left.");
        var reply = customer.Page.Locator("[data-testid=wa-message][data-direction=out]");
        await Expect(reply).ToHaveAttributeAsync("data-message-sid", new System.Text.RegularExpressions.Regex("^SM"), new() { Timeout = Arrival });
        var messageSid = await reply.GetAttributeAsync("data-message-sid").WaitAsync(Limits.Await);

        // Twilio's word that it failed, signed as Twilio signs (the simulator plays only successes).
        var authToken = host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Twilio:AuthToken"]!;
        using var failed = await new TwilioCaller(host.CreateLoopbackClient(), authToken).PostAsync("/twilio/messaging/status",
            [new("MessageSid", messageSid!), new("MessageStatus", "failed"), new("ErrorCode", "63016")]);

        failed.StatusCode.Should().Be(System.Net.HttpStatusCode.NoContent);
        var line = agent.Page.Locator(".pc-msg-row.pc-own", new() { HasText = "Yes, two left." });
        await Expect(line.GetByTestId("pc-chat-status")).ToHaveAttributeAsync("data-state", "failed", new() { Timeout = Arrival });
        await Expect(line.GetByTestId("pc-chat-undelivered"))
            .ToHaveTextAsync("WhatsApp refused free text outside the 24-hour window; send a template instead.");
        await agent.ById("pc-lang").ClickAsync().WaitAsync(Limits.Await);
        await Expect(line.GetByTestId("pc-chat-undelivered"))
            .ToHaveTextAsync("WhatsApp rechazó el texto libre fuera de la ventana de 24 horas; envía una plantilla.", new() { Timeout = Arrival });
        await shots.TakeAsync("undelivered");
        PageProblems.AssertNone(agent, customer);
    }
}
