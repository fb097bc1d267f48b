using System.Globalization;
using PinCovisor.EndToEnd.Browser;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>A customer writes while the shop is closed: the phone gets the after-hours reply, the console shows it and the order number.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WhatsAppHoursTests(DevelopmentSite site, ITestOutputHelper output)
{
    private static readonly float Arrival = Limits.Ms(Limits.Arrival);

    [Fact]
    public async Task WhileTheShopIsClosedThePhoneGetsTheAfterHoursReplyAndAnaSeesItWithTheOrderNumberMarked()
    {
        // Closed today and the next two days (in the shop's zone, whatever the time): open Mondays only after them.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        var settings = new Dictionary<string, string?>
        {
            ["BusinessHours:TimeZone"] = "Europe/Madrid",
            ["BusinessHours:Weekly:Monday"] = "09:00-14:00",
        };
        for (var day = -1; day <= 2; day++)
        {
            settings[$"BusinessHours:ClosedDates:{day + 1}"] = today.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        await using var host = await DevelopmentSite.StartOwnHostAsync(settings);
        var address = host.BaseAddress;
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB", address);
        await using var whatsApp = await site.OpenAsync("whatsapp", Device.Phone, "es-ES", address);
        var shots = new Screenshots(nameof(WhileTheShopIsClosedThePhoneGetsTheAfterHoursReplyAndAnaSeesItWithTheOrderNumberMarked), output, agent, whatsApp);
        await new Pages.AgentConsole(agent).LogInAsync();
        await whatsApp.Page.GotoAsync("/demo/whatsapp").WaitAsync(Limits.Await);
        await Expect(whatsApp.ById("wa-send")).ToBeEnabledAsync(new() { Timeout = Arrival });

        await whatsApp.ById("wa-text").FillAsync("¿Dónde está mi pedido AB-123456?").WaitAsync(Limits.Await);
        await whatsApp.ById("wa-send").ClickAsync().WaitAsync(Limits.Await);

        var replies = whatsApp.Page.Locator("[data-testid=wa-message][data-direction=out]");
        await Expect(replies).ToHaveCountAsync(1, new() { Timeout = Arrival });
        await Expect(replies).ToContainTextAsync("Ahora estamos cerrados. Volvemos a abrir el");
        await Expect(replies).ToContainTextAsync("a las 09:00");
        await shots.TakeAsync("replied");

        var conversation = agent.ById("agent-session").First;
        await Expect(conversation).ToContainTextAsync("+34 6•• ••• 456", new() { Timeout = Arrival });
        await conversation.ClickAsync().WaitAsync(Limits.Await);
        var message = await Pages.Chat.ExpectAsync(agent, "customer", "¿Dónde está mi pedido AB-123456?");
        await Expect(message.Locator("mark.pc-order")).ToHaveTextAsync("AB-123456");
        await Pages.Chat.ExpectAsync(agent, "system", "Ahora estamos cerrados");
        await Expect(agent.Page.Locator(".workspace:not([hidden]) .pc-msg-author").Filter(new() { HasText = "Automatic reply" })).ToHaveCountAsync(1);
        await shots.TakeAsync("at-the-console");

        // A second message the same day is not answered again.
        await whatsApp.ById("wa-text").FillAsync("¿Hola?").WaitAsync(Limits.Await);
        await whatsApp.ById("wa-send").ClickAsync().WaitAsync(Limits.Await);
        await Pages.Chat.ExpectAsync(agent, "customer", "¿Hola?");
        await Expect(replies).ToHaveCountAsync(1);
        PageProblems.AssertNone(agent, whatsApp);
    }
}
