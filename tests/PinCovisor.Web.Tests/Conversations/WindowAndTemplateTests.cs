using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;
using PinCovisor.Web.Tests.Hub;
using SkiaSharp;

namespace PinCovisor.Web.Tests.Conversations;

/// <summary>WhatsApp's 24-hour window for free text, and the approved templates that go out at any time.</summary>
[Collection(RedisCollection.Name)]
public sealed class WindowAndTemplateTests(RedisServers servers)
{
    private const string PedidoSid = TestTemplates.PedidoSid;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // A day and more passes on the test's clock: the conversation must outlive it.
    private static readonly Dictionary<string, string?> Templates = TestTemplates.Settings(new Dictionary<string, string?> { ["Sessions:Lifetime"] = "3.00:00:00" });

    // From now, not a random instant: the hosts' Data Protection key ring lives in the shared Redis and
    // is dated by this clock, so keys dated years apart by one test would unsettle the next one's tokens.
    // A hidden use of the system clock still shows: the window is only crossed by advancing this one.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    [Fact]
    public async Task FreeTextGoesOutWithinADayOfTheCustomersLastMessage()
    {
        await using var shop = await StartAsync();
        await using var ana = await AnaAsync(shop);
        var (sessionId, _) = await OpenAsync(shop, "whatsapp:", ana);

        _clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        await using var later = await SignedInAgainAsync(shop, sessionId);
        await later.InvokeAsync<long>("SendChat", sessionId, "m-1", "¿Te sirve la talla 42?");

        shop.Api.Received.Should().ContainSingle().Which.Body.Should().Be("¿Te sirve la talla 42?");
    }

    [Fact]
    public async Task FreeTextAfterTheWindowIsRefusedWithWhenItClosedAndNeitherLoggedNorSent()
    {
        await using var shop = await StartAsync();
        await using var ana = await AnaAsync(shop);
        var (sessionId, _) = await OpenAsync(shop, "whatsapp:", ana);
        var closesAt = _clock.GetUtcNow() + TimeSpan.FromHours(24);

        _clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await using var later = await SignedInAgainAsync(shop, sessionId);

        await HubAssertions.Refused(later.InvokeAsync<long>("SendChat", sessionId, "m-1", "Hola"),
            $"The 24-hour window closed at {closesAt.UtcDateTime:HH:mm} UTC on {closesAt.UtcDateTime:yyyy-MM-dd}; send a template instead.");
        shop.Api.Received.Should().BeEmpty();
        (await later.InvokeAsync<JoinResult>("JoinSession", sessionId, 0L)).Events
            .Should().NotContain(e => e.Kind == EventKinds.ChatMessage && e.Author.Role == "agent", "nothing the customer never got shows as written");
    }

    [Fact]
    public async Task TheCovisorLinkAndAPhotoAreFreeTextRefusedAfterTheWindowToo()
    {
        await using var shop = await StartAsync();
        await using var ana = await AnaAsync(shop);
        var (sessionId, _) = await OpenAsync(shop, "whatsapp:", ana);
        using var upload = MediaUploads.ClientFor(shop.Host, await SessionSeeder.AgentTokenAsync(shop.Host, "ana"));
        var photo = await MediaUploads.UploadAsync(upload, sessionId, TestImages.Jpeg(40, 30, SKColors.Orange, SKColors.White));

        _clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await using var later = await SignedInAgainAsync(shop, sessionId);

        var refused = await later.Invoking(a => a.InvokeAsync<long>("InviteToCovisor", sessionId)).Should().ThrowAsync<HubException>();
        refused.Which.Message.Should().EndWith("; send a template instead.");
        refused = await later.Invoking(a => a.InvokeAsync<long>("SendAttachment", sessionId, "p-1", photo.MediaId, "La lámpara Duna"))
            .Should().ThrowAsync<HubException>();
        refused.Which.Message.Should().EndWith("; send a template instead.");
        shop.Api.Received.Should().BeEmpty();
        (await later.InvokeAsync<JoinResult>("JoinSession", sessionId, 0L)).Events
            .Should().NotContain(e => e.Kind == EventKinds.ChatMessage && e.Author.Role == "agent", "a photo the customer never got does not show as sent");
    }

    [Fact]
    public async Task TheCustomersNextMessageOpensTheWindowAgainAndSmsHasNone()
    {
        await using var shop = await StartAsync();
        await using var ana = await AnaAsync(shop);
        var (sessionId, customer) = await OpenAsync(shop, "whatsapp:", ana);
        var (smsSession, _) = await OpenAsync(shop, "", ana);
        _clock.Advance(TimeSpan.FromDays(2));

        await using var later = await SignedInAgainAsync(shop, sessionId);
        await later.JoinAsync(smsSession);

        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), customer, "¿Sigues ahí?"));
        await later.InvokeAsync<long>("SendChat", sessionId, "m-1", "Sí, dime.");
        await later.InvokeAsync<long>("SendChat", smsSession, "m-2", "Hola de nuevo.");

        shop.Api.Received.Select(m => m.Body).Should().BeEquivalentTo("Sí, dime.", "Hola de nuevo.");
    }

    [Fact]
    public async Task TheSessionListShowsWhenTheWindowClosesForWhatsAppOnly()
    {
        await using var shop = await StartAsync();
        await using var ana = await AnaAsync(shop);
        var (whatsApp, _) = await OpenAsync(shop, "whatsapp:", ana);
        var openedAt = _clock.GetUtcNow();
        var (sms, _) = await OpenAsync(shop, "", ana);

        using var http = await shop.AgentApiAsync("ana");
        var listed = await http.GetFromJsonAsync<JsonElement[]>("/api/sessions").WaitAsync(Timeout);

        var closes = listed!.Single(s => s.GetProperty("id").GetString() == whatsApp).GetProperty("windowClosesAt");
        closes.GetDateTimeOffset().Should().Be(openedAt.AddHours(24));
        listed!.Single(s => s.GetProperty("id").GetString() == sms).GetProperty("windowClosesAt").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task ATemplateGoesOutAfterTheWindowWithItsContentSidAndVariablesAndShowsAsItsPreview()
    {
        await using var shop = await StartAsync();
        await using var ana = await AnaAsync(shop);
        var (sessionId, customer) = await OpenAsync(shop, "whatsapp:", ana);
        _clock.Advance(TimeSpan.FromDays(2));
        await using var later = await SignedInAgainAsync(shop, sessionId);

        var seq = await later.InvokeAsync<long>("SendTemplate", sessionId, "t-1", "pedido_listo", new[] { "Lucía", "AB-104200" });
        var again = await later.InvokeAsync<long>("SendTemplate", sessionId, "t-1", "pedido_listo", new[] { "Lucía", "AB-104200" });

        again.Should().Be(seq);
        var sent = shop.Api.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/Messages.json", StringComparison.Ordinal)).ToList();
        sent.Should().ContainSingle();
        sent[0].Field("To").Should().Be(customer);
        sent[0].Field("From").Should().Be(MessagingShop.WhatsAppSender);
        sent[0].Field("ContentSid").Should().Be(PedidoSid);
        JsonSerializer.Deserialize<Dictionary<string, string>>(sent[0].Field("ContentVariables")!)
            .Should().BeEquivalentTo(new Dictionary<string, string> { ["1"] = "Lucía", ["2"] = "AB-104200" });
        sent[0].Field("Body").Should().BeNull();
        var history = await later.InvokeAsync<JoinResult>("JoinSession", sessionId, 0L);
        var line = history.Events.Single(e => e.Seq == seq).DataAs<ChatMessage>();
        line.Text.Should().Be("Hola Lucía, tu pedido AB-104200 está listo.");
        line.Template.Should().Be(new ChatTemplate("pedido_listo", PedidoSid));
        line.Orders.Should().ContainSingle().Which.Number.Should().Be("AB-104200", "an order number in a template is marked as in any chat line");
    }

    [Theory]
    [InlineData("whatsapp:", "pedido_listo", 1, "This template takes 2 variable(s): nombre, pedido.")]
    [InlineData("whatsapp:", "pedido_list", 2, "There is no such template; pick one of the shop's templates.")]
    [InlineData("", "pedido_listo", 2, "Templates are for WhatsApp conversations; write the message instead.")]
    public async Task AWrongTemplateIsRefusedAndNothingIsLoggedOrSent(string prefix, string template, int variables, string refusal)
    {
        await using var shop = await StartAsync();
        await using var ana = await AnaAsync(shop);
        var (sessionId, _) = await OpenAsync(shop, prefix, ana);

        await HubAssertions.Refused(
            ana.InvokeAsync<long>("SendTemplate", sessionId, "t-1", template, Enumerable.Repeat("Lucía", variables).ToArray()), refusal);

        shop.Api.Received.Should().BeEmpty();
        var history = await ana.InvokeAsync<JoinResult>("JoinSession", sessionId, 0L);
        history.Events.Should().NotContain(e => e.Kind == EventKinds.ChatMessage && e.Author.Role == "agent");
    }

    [Fact]
    public async Task AgentsListTheShopsTemplates()
    {
        await using var shop = await StartAsync();
        using var http = await shop.AgentApiAsync("ana");

        var listed = await http.GetFromJsonAsync<JsonElement[]>("/api/conversations/templates").WaitAsync(Timeout);
        using var anonymous = shop.Host.CreateLoopbackClient();
        using var refused = await anonymous.GetAsync(new Uri("/api/conversations/templates", UriKind.Relative)).WaitAsync(Timeout);

        var only = listed.Should().ContainSingle().Which;
        only.GetProperty("name").GetString().Should().Be("pedido_listo");
        only.GetProperty("contentSid").GetString().Should().Be(PedidoSid);
        only.GetProperty("variables").EnumerateArray().Select(v => v.GetString()).Should().Equal("nombre", "pedido");
        only.GetProperty("preview").GetString().Should().Be(TestTemplates.PedidoPreview);
        only.GetProperty("language").GetString().Should().Be("es");
        refused.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("Messaging:Templates:pedido:ContentSid", "HX123", "Messaging:Templates:pedido:ContentSid")]
    [InlineData("Messaging:Templates:pedido:Preview", "Hola {{2}}", "Messaging:Templates:pedido:Preview")]
    [InlineData("Messaging:Templates:pedido-listo:ContentSid", PedidoSid, "Messaging:Templates:pedido-listo")]
    public void AnUnusableTemplateStopsTheHostNamingItsKey(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = servers.ConnectionString(RedisServerKind.Redis),
            ["Messaging:Templates:pedido:ContentSid"] = PedidoSid,
            ["Messaging:Templates:pedido:Variables:0"] = "nombre",
            ["Messaging:Templates:pedido:Preview"] = "Hola {{1}}",
        };
        settings[key] = value;
        using var host = new PinCovisorHost(settings);

        var start = () => host.BaseAddress;

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(named);
    }

    private Task<MessagingShop> StartAsync() =>
        MessagingShop.StartAsync(servers, settings: Templates, services: s => s.AddSingleton<TimeProvider>(_clock));

    /// <summary>Ana a day later: her earlier login has expired, she signs in again and opens the conversation.</summary>
    private static async Task<HubClient> SignedInAgainAsync(MessagingShop shop, string sessionId)
    {
        var ana = await shop.ConnectAgentAsync("ana");
        await ana.JoinAsync(sessionId);
        return ana;
    }

    /// <summary>Ana, available (Bruno away), connected to the hub.</summary>
    private static async Task<HubClient> AnaAsync(MessagingShop shop)
    {
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        return await shop.ConnectAgentAsync("ana");
    }

    /// <summary>A customer writes (on WhatsApp with <c>whatsapp:</c>, else by SMS) and Ana has the conversation open.</summary>
    private static async Task<(string SessionId, string Customer)> OpenAsync(MessagingShop shop, string prefix, HubClient ana)
    {
        var before = (await MessagingShop.ChatsAsync(ana, 0)).Count;
        var customer = prefix + MessagingShop.NewCustomerNumber();
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), customer, "¿Tenéis la talla 42?"));
        var sessionId = (await MessagingShop.ChatsAsync(ana, before + 1))[^1].SessionId;
        await ana.JoinAsync(sessionId);
        return (sessionId, customer);
    }
}
