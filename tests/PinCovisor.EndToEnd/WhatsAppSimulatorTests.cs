using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Web;
using PinCovisor.EndToEnd.Browser;
using static Microsoft.Playwright.Assertions;
using RequestValidator = global::Twilio.Security.RequestValidator;

namespace PinCovisor.EndToEnd;

/// <summary>The WhatsApp simulator at <c>/demo/whatsapp</c>: Twilio's messaging side, played in the browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WhatsAppSimulatorTests(DevelopmentSite site, ITestOutputHelper output)
{
    private static readonly float Arrival = Limits.Ms(Limits.Arrival);

    [Theory]
    [InlineData("es-ES", "Simulador de WhatsApp", "Enviar")]
    [InlineData("en-GB", "WhatsApp simulator", "Send")]
    public async Task ThePageLoadsInTheVisitorsLanguageReadyToWrite(string locale, string title, string send)
    {
        await using var customer = await site.OpenAsync("customer", Device.Phone, locale);
        var shots = new Screenshots($"{nameof(ThePageLoadsInTheVisitorsLanguageReadyToWrite)}-{locale}", output, customer);

        await customer.Page.GotoAsync("/demo/whatsapp").WaitAsync(Limits.Await);

        await Expect(customer.Page.Locator("h1")).ToHaveTextAsync(title, new() { Timeout = Arrival });
        await Expect(customer.ById("wa-send")).ToBeEnabledAsync(new() { Timeout = Arrival });
        await Expect(customer.ById("wa-send")).ToHaveAttributeAsync("aria-label", send, new() { Timeout = Arrival });
        await Expect(customer.ById("wa-shop-address")).ToHaveTextAsync("whatsapp:+34910000000", new() { Timeout = Arrival });
        await customer.ById("wa-photo").ClickAsync().WaitAsync(Limits.Await);
        await Expect(customer.ById("wa-photo-product")).ToHaveCountAsync(6, new() { Timeout = Arrival });
        await shots.TakeAsync("loaded");
        PageProblems.AssertNone(customer);
    }

    [Fact]
    public async Task AMessageFromTheSimulatorIsASignedWebhookThatReachesAnasConsoleAndHerReplyComesBackToThePhone()
    {
        await using var host = await DevelopmentSite.StartOwnHostAsync();
        var address = host.BaseAddress;
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB", address);
        await using var customer = await site.OpenAsync("customer", Device.Phone, "en-GB", address);
        var shots = new Screenshots(nameof(AMessageFromTheSimulatorIsASignedWebhookThatReachesAnasConsoleAndHerReplyComesBackToThePhone), output, agent, customer);
        await new Pages.AgentConsole(agent).LogInAsync();
        await customer.Page.GotoAsync("/demo/whatsapp").WaitAsync(Limits.Await);
        await Expect(customer.ById("wa-send")).ToBeEnabledAsync(new() { Timeout = Arrival });

        await customer.ById("wa-text").FillAsync("Do you have the Duna lamp?").WaitAsync(Limits.Await);
        var posted = customer.Page.WaitForRequestAsync(r => r.Method == "POST" && new Uri(r.Url).AbsolutePath == "/twilio/messaging", new() { Timeout = Arrival });
        await customer.ById("wa-send").ClickAsync().WaitAsync(Limits.Await);
        var request = await posted.WaitAsync(Limits.Await);
        var form = HttpUtility.ParseQueryString(request.PostData ?? "");
        var fields = form.AllKeys.ToDictionary(k => k!, k => form[k]!);
        await Expect(customer.Page.Locator("[data-testid=wa-message][data-direction=in]")).ToHaveAttributeAsync("data-status", "received", new() { Timeout = Arrival });

        // Ana, available, is given the conversation: it is in her sessions list with the masked number.
        var conversation = agent.ById("agent-session").First;
        await Expect(conversation).ToContainTextAsync("+34 6•• ••• 456", new() { Timeout = Arrival });
        await conversation.ClickAsync().WaitAsync(Limits.Await);
        await Pages.Chat.ExpectAsync(agent, "customer", "Do you have the Duna lamp?");
        await Expect(agent.Page.Locator(".ws-title-text")).ToHaveTextAsync("WhatsApp +34 6•• ••• 456");
        await Expect(agent.ById("agent-call-status")).ToHaveTextAsync("Messages (no call)");
        await shots.TakeAsync("at-the-console");
        await Pages.Chat.SendAsync(agent, "Yes, we have two left.");

        var reply = customer.Page.Locator("[data-testid=wa-message][data-direction=out]");
        await Expect(reply).ToContainTextAsync("Yes, we have two left.", new() { Timeout = Arrival });
        await shots.TakeAsync("answered");
        fields.Should().Contain(new Dictionary<string, string>
        {
            ["From"] = "whatsapp:+34600123456", ["To"] = "whatsapp:+34910000000", ["Body"] = "Do you have the Duna lamp?",
            ["ProfileName"] = "Lucía", ["WaId"] = "34600123456", ["NumMedia"] = "0", ["SmsStatus"] = "received", ["ApiVersion"] = "2010-04-01",
        });
        fields["MessageSid"].Should().MatchRegex("^SM[0-9a-f]{32}$");
        new RequestValidator(host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Twilio:AuthToken"])
            .Validate(request.Url, fields, request.Headers["x-twilio-signature"]).Should().BeTrue("the page signs as Twilio does");
        await Expect(customer.ById("wa-error")).ToBeHiddenAsync();
        PageProblems.AssertNone(agent, customer);
    }

    [Fact]
    public async Task TheShopsMessageThroughTheRestApiIsShownAndTicksOnToRead()
    {
        await using var customer = await OpenReadyAsync("es-ES");
        var shots = new Screenshots(nameof(TheShopsMessageThroughTheRestApiIsShownAndTicksOnToRead), output, customer);

        var (sent, _) = await SendAsTheShopAsync(new() { ["Body"] = "¡Hola, Lucía! Sí, nos quedan dos." });
        var reply = customer.Page.Locator("[data-testid=wa-message][data-direction=out]");

        sent.Should().Be(System.Net.HttpStatusCode.Created);
        await Expect(reply).ToContainTextAsync("¡Hola, Lucía! Sí, nos quedan dos.", new() { Timeout = Arrival });
        await Expect(reply).ToHaveAttributeAsync("data-status", "read", new() { Timeout = Arrival });
        await Expect(reply.GetByTestId("wa-ticks")).ToHaveTextAsync("✓✓");
        await Expect(reply.GetByTestId("wa-ticks")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("wa-read"));
        await shots.TakeAsync("read");
        PageProblems.AssertNone(customer);
    }

    [Fact]
    public async Task TheShopsMessageIsReportedSentToItsStatusCallbackSignedAsTwilioWould()
    {
        await using var customer = await OpenReadyAsync("en-GB");
        var shots = new Screenshots(nameof(TheShopsMessageIsReportedSentToItsStatusCallbackSignedAsTwilioWould), output, customer);
        var statusCallback = site.BaseAddress.GetLeftPart(UriPartial.Authority) + "/twilio/messaging/status";

        var posted = customer.Page.WaitForRequestAsync(r => r.Method == "POST" && r.Url == statusCallback, new() { Timeout = Arrival });
        var (sent, accountSid) = await SendAsTheShopAsync(new() { ["Body"] = "Your order is on its way.", ["StatusCallback"] = statusCallback });
        var request = await posted.WaitAsync(Limits.Await);
        var form = HttpUtility.ParseQueryString(request.PostData ?? "");
        var fields = form.AllKeys.ToDictionary(k => k!, k => form[k]!);
        var reply = customer.Page.Locator("[data-testid=wa-message][data-direction=out]");
        // The host takes it (204) though the message is none of its own: the states go on to read.
        await Expect(reply).ToHaveAttributeAsync("data-status", "read", new() { Timeout = Arrival });
        await shots.TakeAsync("sent-reported");

        sent.Should().Be(System.Net.HttpStatusCode.Created);
        fields.Should().Contain(new Dictionary<string, string>
        {
            ["MessageStatus"] = "sent", ["SmsStatus"] = "sent", ["From"] = "whatsapp:+34910000000", ["To"] = "whatsapp:+34600123456",
            ["AccountSid"] = accountSid, ["ApiVersion"] = "2010-04-01",
        });
        fields["MessageSid"].Should().Be(await reply.GetAttributeAsync("data-message-sid").WaitAsync(Limits.Await)).And.MatchRegex("^SM[0-9a-f]{32}$");
        new RequestValidator(site.Configuration["Twilio:AuthToken"]).Validate(request.Url, fields, request.Headers["x-twilio-signature"])
            .Should().BeTrue("the page signs the status callback as Twilio does");
        await Expect(customer.ById("wa-error")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task APhotoOfTheShopIsSentAsAMediaUrlTheHostCanDownloadWithTheAccountsCredentials()
    {
        await using var customer = await OpenReadyAsync("es-ES");
        var shots = new Screenshots(nameof(APhotoOfTheShopIsSentAsAMediaUrlTheHostCanDownloadWithTheAccountsCredentials), output, customer);

        await customer.ById("wa-photo").ClickAsync().WaitAsync(Limits.Await);
        await customer.ById("wa-text").FillAsync("¿Esta lámpara?").WaitAsync(Limits.Await);
        var posted = customer.Page.WaitForRequestAsync(r => r.Method == "POST" && new Uri(r.Url).AbsolutePath == "/twilio/messaging", new() { Timeout = Arrival });
        await customer.Page.Locator("[data-testid=wa-photo-product][data-product-id=aurora-lampara-duna]").ClickAsync().WaitAsync(Limits.Await);
        var form = HttpUtility.ParseQueryString((await posted.WaitAsync(Limits.Await)).PostData ?? "");
        await Expect(customer.Page.Locator("[data-testid=wa-message][data-direction=in]").Last).ToHaveAttributeAsync("data-status", "received", new() { Timeout = Arrival });
        await shots.TakeAsync("photo-sent");
        using var http = AccountClient(form["AccountSid"]!);
        using var media = await http.GetAsync(new Uri(form["MediaUrl0"]!)).WaitAsync(Limits.Await);
        var bytes = await media.Content.ReadAsByteArrayAsync().WaitAsync(Limits.Await);

        form["NumMedia"].Should().Be("1");
        form["Body"].Should().Be("¿Esta lámpara?", "the text box is the photo's caption");
        form["MediaContentType0"].Should().Be("image/png", "the shop's SVG is sent as the picture a phone would send");
        form["MessageSid"].Should().MatchRegex("^MM[0-9a-f]{32}$").And.Be(form["SmsMessageSid"]);
        form["MediaUrl0"].Should().Contain($"/Messages/{form["MessageSid"]}/Media/ME");
        media.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        media.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        bytes.Take(4).Should().Equal(0x89, 0x50, 0x4E, 0x47);
        await Expect(customer.Page.Locator("[data-testid=wa-message][data-direction=in] img")).ToBeVisibleAsync();
    }

    /// <summary>The simulator open for a customer, its setup loaded (sending is enabled once it is).</summary>
    private async Task<Role> OpenReadyAsync(string locale)
    {
        var customer = await site.OpenAsync("customer", Device.Phone, locale);
        await customer.Page.GotoAsync("/demo/whatsapp").WaitAsync(Limits.Await);
        await Expect(customer.ById("wa-send")).ToBeEnabledAsync(new() { Timeout = Arrival });
        return customer;
    }

    /// <summary>
    /// What the host does to answer a customer on WhatsApp: Twilio's Messages API (here the demo's
    /// simulated one), from the shop to the simulator's default customer, plus <paramref name="fields"/>.
    /// </summary>
    private async Task<(System.Net.HttpStatusCode Status, string AccountSid)> SendAsTheShopAsync(Dictionary<string, string> fields)
    {
        using var setup = site.Host.CreateLoopbackClient();
        var accountSid = (await setup.GetFromJsonAsync<Setup>("/demo/phone/setup").WaitAsync(Limits.Await))!.AccountSid;
        using var http = AccountClient(accountSid);
        using var sent = await http.PostAsync(new Uri($"/demo/twilio-api/2010-04-01/Accounts/{accountSid}/Messages.json", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["To"] = "whatsapp:+34600123456", ["From"] = "whatsapp:+34910000000" }))
            .WaitAsync(Limits.Await);
        return (sent.StatusCode, accountSid);
    }

    /// <summary>A client of this host with the account's basic auth, as the host itself calls Twilio.</summary>
    private HttpClient AccountClient(string accountSid)
    {
        var http = site.Host.CreateLoopbackClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accountSid}:{site.Configuration["Twilio:AuthToken"]}")));
        return http;
    }

    private sealed record Setup(string AccountSid);
}
