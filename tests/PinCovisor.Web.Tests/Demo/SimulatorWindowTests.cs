using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Conversations;
using PinCovisor.Web.Demo;
using PinCovisor.Web.Tests.Conversations;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Demo;

/// <summary>The WhatsApp simulator's side of the 24-hour window: "24 h later", and templates shown in their own words.</summary>
[Collection(RedisCollection.Name)]
public sealed class SimulatorWindowTests(RedisServers servers)
{
    private const string PedidoSid = TestTemplates.PedidoSid;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, string?> Templates = TestTemplates.Settings();

    [Fact]
    public async Task LaterMovesTheCustomersLastMessageADayBackSoTheWindowShowsClosed()
    {
        await using var host = HostFactory.StartDemo(servers, Templates);
        using var http = host.CreateLoopbackClient();
        var customer = "whatsapp:" + MessagingShop.NewCustomerNumber();
        await new TwilioCaller(host.CreateLoopbackClient()).TwiMLAsync("/twilio/messaging", MessagingShop.Inbound(MessagingShop.NewMessageSid(), customer, "Hola"));
        var before = await ClosesAtAsync(host, customer);

        using var later = await http.PostAsJsonAsync("/demo/whatsapp/later", new SimulatorLater(customer)).WaitAsync(Timeout);
        using var stranger = await http.PostAsJsonAsync("/demo/whatsapp/later", new SimulatorLater("whatsapp:" + MessagingShop.NewCustomerNumber())).WaitAsync(Timeout);
        using var malformed = await http.PostAsJsonAsync("/demo/whatsapp/later", new SimulatorLater("34600")).WaitAsync(Timeout);

        later.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await ClosesAtAsync(host, customer)).Should().Be(before - TimeSpan.FromHours(24));
        stranger.StatusCode.Should().Be(HttpStatusCode.NotFound);
        stranger.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ATemplateReachesTheFeedAsItsPreviewWithTheVariablesInIt()
    {
        await using var host = HostFactory.StartDemo(servers, Templates);
        using var http = host.CreateLoopbackClient();
        var before = (await http.GetFromJsonAsync<DemoTwilioFeed>("/demo/phone/twilio-events").WaitAsync(Timeout))!.Next;
        using var api = host.CreateLoopbackClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LoopbackTwilioApi.AccountSid}:{PinCovisorHost.AuthToken}")));

        using var created = await api.PostAsync(
            new Uri($"/demo/twilio-api/2010-04-01/Accounts/{LoopbackTwilioApi.AccountSid}/Messages.json", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["To"] = "whatsapp:+34600123456", ["From"] = "whatsapp:+34910000000",
                ["ContentSid"] = PedidoSid, ["ContentVariables"] = """{"1":"Lucía","2":"A-1042"}""",
            })).WaitAsync(Timeout);
        var feed = (await http.GetFromJsonAsync<DemoTwilioFeed>($"/demo/phone/twilio-events?after={before}").WaitAsync(Timeout))!;

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var message = feed.Events.Should().ContainSingle().Which;
        message.Body.Should().Be("Hola Lucía, tu pedido A-1042 está listo.");
        message.ContentSid.Should().Be(PedidoSid);
    }

    /// <summary>The customer's conversation's <c>windowClosesAt</c>, as agents list it (waiting, or in someone's sessions).</summary>
    private static async Task<DateTimeOffset> ClosesAtAsync(PinCovisorHost host, string customer)
    {
        var sessionId = await host.Services.GetRequiredService<ConversationStore>().FindOpenAsync(customer).WaitAsync(Timeout);
        using var http = host.CreateLoopbackClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SessionSeeder.AgentTokenAsync(host, "ana"));
        var waiting = await http.GetFromJsonAsync<JsonElement[]>("/api/conversations/waiting").WaitAsync(Timeout);
        var listed = await http.GetFromJsonAsync<JsonElement[]>("/api/sessions").WaitAsync(Timeout);
        return waiting!.Concat(listed!).First(s => s.GetProperty("id").GetString() == sessionId).GetProperty("windowClosesAt").GetDateTimeOffset();
    }
}
