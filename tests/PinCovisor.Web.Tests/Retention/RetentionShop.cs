using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Conversations;
using PinCovisor.Web.Sessions;
using PinCovisor.Web.Tests.Conversations;
using SkiaSharp;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Retention;

/// <summary>
/// A host answering calls and WhatsApp (through a loopback Twilio API) with an admin and a clerk
/// logged in, and the customers' traces to erase: calls through the IVR, a session with chat and an
/// image, a WhatsApp conversation.
/// </summary>
internal sealed class RetentionShop : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private RetentionShop(LoopbackTwilioApi api, PinCovisorHost host, string adminName, AgentClient admin, AgentClient clerk) =>
        (Api, Host, AdminName, Admin, Clerk) = (api, host, adminName, admin, clerk);

    public string AdminName { get; }

    public LoopbackTwilioApi Api { get; }

    public PinCovisorHost Host { get; }

    public AgentClient Admin { get; }

    public AgentClient Clerk { get; }

    public IDatabase Db => Host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

    public static async Task<RetentionShop> StartAsync(
        RedisServers servers, RedisServerKind kind, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var api = await LoopbackTwilioApi.StartAsync();
        var admin = AgentHosts.NewUsername("admin");
        var clerk = AgentHosts.NewUsername("clerk");
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Twilio:ApiBaseUrl"] = api.BaseAddress.ToString(),
            ["Messaging:WhatsAppFrom"] = MessagingShop.WhatsAppSender,
        };
        foreach (var (key, value) in AgentHosts.Agent(2, admin, "admin-password", isAdmin: true).Concat(AgentHosts.Agent(3, clerk, "clerk-password")))
        {
            all[key] = value;
        }

        var host = AgentHosts.Start(servers, kind, all, services);
        return new RetentionShop(api, host, admin,
            await AgentClient.LogInAsync(host, admin, "admin-password"), await AgentClient.LogInAsync(host, clerk, "clerk-password"));
    }

    /// <summary>The customer at <paramref name="number"/> calls the IVR; returns the call's SID.</summary>
    public async Task<string> CallAsync(string number)
    {
        var callSid = TwilioCaller.NewCallSid();
        await new TwilioCaller(Host.CreateLoopbackClient()).TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(callSid, from: number));
        return callSid;
    }

    /// <summary>Opens the call's session with ana in charge and the customer in it, who chats and shares a photo; returns the session id.</summary>
    public async Task<string> SessionWithChatAndImageAsync(string callSid)
    {
        var session = await Host.Services.GetRequiredService<RedisSessionStore>().OpenForCallAsync(callSid, "ana").WaitAsync(Timeout);
        var (_, customerToken) = await SessionSeeder.AddCustomerAsync(Host, session.Id);
        await using var agent = await HubClient.ConnectRecordingAsync(Host.BaseAddress, await SessionSeeder.AgentTokenAsync(Host, "ana"));
        await agent.JoinAsync(session.Id);
        await agent.ChatAsync(session.Id, "Hola, ¿qué pedido es?");
        using var customer = MediaUploads.ClientFor(Host, customerToken);
        await MediaUploads.UploadAsync(customer, session.Id, TestImages.Jpeg(16, 16, SKColors.Red, SKColors.Blue));
        return session.Id;
    }

    /// <summary>The customer writes on WhatsApp; returns the conversation's session id.</summary>
    public async Task<string> WhatsAppAsync(string number, string text)
    {
        var address = "whatsapp:" + number;
        await new TwilioCaller(Host.CreateLoopbackClient()).TwiMLAsync("/twilio/messaging", MessagingShop.Inbound(MessagingShop.NewMessageSid(), address, text));
        return (await Host.Services.GetRequiredService<ConversationStore>().FindOpenAsync(address).WaitAsync(Timeout))!;
    }

    /// <summary>The keys the Redis server holds under a prefix (a hash tag such as <c>pb:{session:s_…}</c>), read with SCAN.</summary>
    public async Task<List<string>> KeysAsync(string prefix)
    {
        var keys = await RedisScan.KeysAsync(Host.Services.GetRequiredService<IConnectionMultiplexer>(), prefix + "*");
        return [.. keys.Select(k => k.ToString())];
    }

    public async Task<JsonObject> ExportAsync(string phone) =>
        (await Admin.Api.GetFromJsonAsync<JsonObject>($"/api/customers/{phone}/export").WaitAsync(Timeout))!;

    public Task<HttpResponseMessage> EraseAsync(string phone, AgentClient? by = null) =>
        (by ?? Admin).Api.DeleteAsync($"/api/customers/{phone}").WaitAsync(Timeout);

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Clerk.Dispose();
        await Host.DisposeAsync();
        await Api.DisposeAsync();
    }
}
