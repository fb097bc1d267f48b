using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Messaging;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Conversations;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Conversations;

/// <summary>
/// A host answering customers on WhatsApp (<see cref="WhatsAppSender"/>) and SMS (<see cref="SmsNumber"/>)
/// through a loopback Twilio API, and Twilio's side of the messaging webhook: signed form posts.
/// </summary>
internal sealed class MessagingShop : IAsyncDisposable
{
    public const string WhatsAppSender = "whatsapp:+34910000000";

    public const string SmsNumber = "+34910000009";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private MessagingShop(LoopbackTwilioApi api, PinCovisorHost host) => (Api, Host) = (api, host);

    public LoopbackTwilioApi Api { get; }

    public PinCovisorHost Host { get; }

    public TwilioCaller Twilio => new(Host.CreateLoopbackClient());

    public static async Task<MessagingShop> StartAsync(
        RedisServers servers, RedisServerKind kind = RedisServerKind.Garnet, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var api = await LoopbackTwilioApi.StartAsync();
        var host = HostFactory.Start(servers, kind, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Twilio:ApiBaseUrl"] = api.BaseAddress.ToString(),
            ["Messaging:WhatsAppFrom"] = WhatsAppSender,
            ["Messaging:SmsFrom"] = SmsNumber,
        }, services);
        return new MessagingShop(api, host);
    }

    public T Service<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>A Spanish mobile number no other test uses.</summary>
    public static string NewCustomerNumber() => "+346" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    public static string NewMessageSid() => "SM" + Guid.NewGuid().ToString("N");

    /// <summary>What Twilio posts for a WhatsApp message (<paramref name="from"/> as <c>whatsapp:+…</c>) or an SMS (bare E.164).</summary>
    public static List<KeyValuePair<string, string>> Inbound(string messageSid, string from, string body, string? profileName = null)
    {
        var whatsApp = from.StartsWith("whatsapp:", StringComparison.Ordinal);
        var form = new List<KeyValuePair<string, string>>
        {
            new("SmsMessageSid", messageSid),
            new("NumMedia", "0"),
            new("SmsSid", messageSid),
            new("SmsStatus", "received"),
            new("Body", body),
            new("To", whatsApp ? WhatsAppSender : SmsNumber),
            new("NumSegments", "1"),
            new("MessageSid", messageSid),
            new("AccountSid", LoopbackTwilioApi.AccountSid),
            new("From", from),
            new("ApiVersion", "2010-04-01"),
        };
        if (whatsApp)
        {
            form.Add(new("WaId", from["whatsapp:+".Length..]));
            form.Add(new("ProfileName", profileName ?? "Lucía"));
            form.Add(new("MessageType", "text"));
        }

        return form;
    }

    /// <summary>Posts the form signed and returns the TwiML answer.</summary>
    public async Task<XDocument> SendAsync(IEnumerable<KeyValuePair<string, string>> form) =>
        await Twilio.TwiMLAsync("/twilio/messaging", form);

    public Task SetPresenceAsync(string agent, AgentStatus status) => Service<RedisAgentPresence>().SetAsync(agent, status).WaitAsync(Timeout);

    /// <summary>Ana and Bruno as the test wants them (both set: presence lives in shared Redis).</summary>
    public async Task PresenceAsync(AgentStatus ana, AgentStatus bruno)
    {
        await SetPresenceAsync("ana", ana);
        await SetPresenceAsync("bruno", bruno);
    }

    public async Task<HubClient> ConnectAgentAsync(string username) =>
        await HubClient.ConnectRecordingAsync(Host.BaseAddress, await SessionSeeder.AgentTokenAsync(Host, username));

    /// <summary>An HTTP client with <paramref name="username"/>'s bearer token.</summary>
    public async Task<HttpClient> AgentApiAsync(string username)
    {
        var http = Host.CreateLoopbackClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SessionSeeder.AgentTokenAsync(Host, username));
        return http;
    }

    /// <summary>The open conversation of <paramref name="address"/>, through the agent's <c>GET /api/sessions</c>.</summary>
    public async Task<AgentSessionJson?> FindListedAsync(string agent, Func<AgentSessionJson, bool> match)
    {
        using var http = await AgentApiAsync(agent);
        var all = await http.GetFromJsonAsync<AgentSessionJson[]>("/api/sessions", SessionsApi.Json).WaitAsync(Timeout);
        return all!.FirstOrDefault(match);
    }

    /// <summary>
    /// The open conversation of the customer at <paramref name="from"/> (<c>whatsapp:+…</c> or bare E.164) as
    /// <paramref name="agent"/>'s list shows it, or null. Found by the customer's address, not by channel alone:
    /// the list also holds other tests' conversations on a shared database.
    /// </summary>
    public async Task<AgentSessionJson?> FindConversationAsync(string agent, string from)
    {
        var address = from.StartsWith("whatsapp:", StringComparison.Ordinal)
            ? MessagingAddress.Format(MessageChannel.WhatsApp, from["whatsapp:".Length..])
            : MessagingAddress.Format(MessageChannel.Sms, from);
        var id = await Service<ConversationStore>().FindOpenAsync(address).WaitAsync(Timeout);
        return id is null ? null : await FindListedAsync(agent, s => s.Id == id);
    }

    /// <summary>Waits until <paramref name="client"/> was pushed at least <paramref name="count"/> chat lines (of any session), and returns them.</summary>
    public static async Task<IReadOnlyList<CovisorEvent>> ChatsAsync(HubClient client, int count) =>
        await client.Events.WaitAsync(
            () => (IReadOnlyList<CovisorEvent>)[.. client.Events.Arrivals.Where(e => e.Kind == EventKinds.ChatMessage).DistinctBy(e => (e.SessionId, e.Seq))],
            chats => chats.Count >= count);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
    }
}

/// <summary>A session as <c>GET /api/sessions</c> lists it.</summary>
internal sealed record AgentSessionJson(string Id, string Origin, string? Agent, string? MaskedFrom, string? CustomerName);
