using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Tests.Hub;

namespace PinCovisor.Web.Tests.Conversations;

/// <summary>The agent of a WhatsApp or SMS conversation sends a single-use link that brings the customer into the same session's covisor.</summary>
[Collection(RedisCollection.Name)]
public sealed partial class EscalationTests(RedisServers servers)
{
    private const string Spent = "This link was already used or has expired; ask the shop for a new one.";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TheLinkReachesTheCustomerFromTheShopsSenderOnThePublicJoinPage()
    {
        await using var shop = await StartAsync(new() { ["Sms:JoinUrl"] = "https://tienda.example/join" });
        await using var conversation = await Conversation.OpenAsync(shop, "whatsapp:");

        var seq = await conversation.Ana.InvokeAsync<long>("InviteToCovisor", conversation.SessionId);

        var sent = shop.Api.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/Messages.json", StringComparison.Ordinal)).ToList();
        sent.Should().ContainSingle();
        sent[0].Field("To").Should().Be(conversation.Customer);
        sent[0].Field("From").Should().Be(MessagingShop.WhatsAppSender);
        var body = sent[0].Field("Body")!;
        body.Should().StartWith("Abre este enlace para ver lo que te enseño (sirve una vez, durante 20 min): ", "the number is Spanish");
        LinkOf(body).GetLeftPart(UriPartial.Path).Should().Be("https://tienda.example/join");
        TokenOf(body).Should().MatchRegex($"^{conversation.SessionId}\\.[A-Za-z0-9_-]{{22}}$");
        var history = await conversation.Ana.InvokeAsync<JoinResult>("JoinSession", conversation.SessionId, 0L);
        var line = history.Events.Single(e => e.Seq == seq);
        line.Kind.Should().Be(EventKinds.ChatMessage);
        line.Author.Id.Should().Be("ana");
        line.DataAs<ChatMessage>().Text.Should().Be(body, "the agent's history shows what the customer was sent");
    }

    [Fact]
    public async Task AnSmsCustomerOutsideSpanishSpeakingCountriesGetsTheLinkInEnglishOnTheHostsJoinPage()
    {
        await using var shop = await StartAsync();
        await using var conversation = await Conversation.OpenAsync(shop, "", "+4479" + Random.Shared.Next(10_000_000, 99_999_999));

        await conversation.Ana.InvokeAsync<long>("InviteToCovisor", conversation.SessionId);

        var message = shop.Api.Received.Should().ContainSingle().Subject;
        message.Body.Should().StartWith("Open this link to see what I share with you (it works once, for 20 min): ");
        message.From.Should().Be(MessagingShop.SmsNumber);
        LinkOf(message.Body!).GetLeftPart(UriPartial.Path).Should().Be(new Uri(shop.Host.BaseAddress, "/join").ToString());
    }

    [Fact]
    public async Task OnlyTheAgentInChargeMaySendTheLink()
    {
        await using var shop = await StartAsync();
        await using var conversation = await Conversation.OpenAsync(shop, "whatsapp:");
        await using var bruno = await shop.ConnectAgentAsync("bruno");

        await HubAssertions.Refused(bruno.InvokeAsync<long>("InviteToCovisor", conversation.SessionId), "You are not in this session.");

        shop.Api.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task ACallSessionIsNotSentALink()
    {
        await using var shop = await StartAsync();
        var seeded = await SessionSeeder.SeedAsync(shop.Host);
        await using var ana = await HubClient.ConnectAsync(shop.Host.BaseAddress, seeded.AgentToken);

        await HubAssertions.Refused(ana.InvokeAsync<long>("InviteToCovisor", seeded.SessionId),
            "Only a WhatsApp or SMS conversation is sent a link: the customer of a call or of the website joins the covisor already.");

        shop.Api.Requests.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheLinkAdmitsTheCustomerIntoTheSameSessionWithTheSameAgentAndItsHistory(RedisServerKind kind)
    {
        await using var shop = await StartAsync(kind: kind);
        await using var conversation = await Conversation.OpenAsync(shop, "whatsapp:");
        var token = await conversation.InviteAsync();

        var joined = await new SessionsApi(shop.Host.CreateLoopbackClient()).JoinedInviteAsync(token);

        joined.SessionId.Should().Be(conversation.SessionId);
        joined.Admission.Should().Be("admitted", "the agent in charge sent the link");
        joined.Agent!.DisplayName.Should().Be("Ana");
        await using var phone = await HubClient.ConnectAsync(shop.Host.BaseAddress, joined.Token);
        var view = await phone.JoinAsync(joined.SessionId);
        view.Admission.Should().Be("admitted");
        var chats = view.Events.Where(e => e.Kind == EventKinds.ChatMessage).ToList();
        chats.Select(e => e.DataAs<ChatMessage>().Text).First().Should().Be("¿Me enseñas las zapatillas?");
        chats[0].DataAs<ChatMessage>().Channel.Should().Be("whatsapp");
        chats.Last().Author.Id.Should().BeNull("customers see the agent's display name only");
        var arrived = await conversation.Ana.Events.WaitAsync(
            () => conversation.Ana.Events.Arrivals.FirstOrDefault(e => e.Kind == EventKinds.ParticipantJoined), e => e is not null);
        arrived!.SessionId.Should().Be(conversation.SessionId);
        await phone.ChatAsync(joined.SessionId, "Ya lo veo");
    }

    [Fact]
    public async Task TheLinkOpensOnceAndAnotherDeviceIsToldToAskForANewOne()
    {
        await using var shop = await StartAsync();
        await using var conversation = await Conversation.OpenAsync(shop, "whatsapp:");
        var token = await conversation.InviteAsync();
        var phone = new SessionsApi(shop.Host.CreateLoopbackClient());
        var joined = await phone.JoinedInviteAsync(token);

        using var again = await phone.FromAnotherClient().JoinInviteAsync(token);

        await ShouldBeSpentAsync(again);
        await using var reloaded = await HubClient.ConnectAsync(shop.Host.BaseAddress, joined.Token);
        (await reloaded.JoinAsync(joined.SessionId)).Admission.Should().Be("admitted", "the first device goes on with its own token");
    }

    [Fact]
    public async Task AnExpiredLinkIsRefusedLikeAUsedOne()
    {
        var clock = new FakeTimeProvider(TestClock.RandomInstantAhead());
        await using var shop = await StartAsync(new() { ["Messaging:InviteLifetime"] = "00:15:00" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        await using var conversation = await Conversation.OpenAsync(shop, "whatsapp:");
        var token = await conversation.InviteAsync();

        clock.Advance(TimeSpan.FromMinutes(15));
        using var late = await new SessionsApi(shop.Host.CreateLoopbackClient()).JoinInviteAsync(token);

        await ShouldBeSpentAsync(late);
    }

    [Fact]
    public async Task ANewLinkReplacesTheOneBefore()
    {
        await using var shop = await StartAsync();
        await using var conversation = await Conversation.OpenAsync(shop, "whatsapp:");
        var first = await conversation.InviteAsync();
        var second = await conversation.InviteAsync();
        var phone = new SessionsApi(shop.Host.CreateLoopbackClient());

        using var old = await phone.JoinInviteAsync(first);
        var joined = await phone.JoinedInviteAsync(second);

        await ShouldBeSpentAsync(old);
        joined.SessionId.Should().Be(conversation.SessionId);
    }

    [Fact]
    public async Task AForgedOrMalformedLinkIsRefused()
    {
        await using var shop = await StartAsync();
        await using var conversation = await Conversation.OpenAsync(shop, "whatsapp:");
        await conversation.InviteAsync();
        var phone = new SessionsApi(shop.Host.CreateLoopbackClient());

        using var forged = await phone.JoinInviteAsync(conversation.SessionId + "." + new string('A', 22));
        using var malformed = await phone.JoinInviteAsync(conversation.SessionId);
        using var empty = await phone.PostRawAsync("/api/join/invite", "{}");

        await ShouldBeSpentAsync(forged);
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task EightDevicesOpeningOneLinkAtOnceAdmitExactlyOne(RedisServerKind kind)
    {
        await using var shop = await StartAsync(kind: kind);
        await using var conversation = await Conversation.OpenAsync(shop, "whatsapp:");
        var token = await conversation.InviteAsync();
        var http = shop.Host.CreateLoopbackClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => new SessionsApi(http).JoinInviteAsync(token))).WaitAsync(Timeout);

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().Be(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.NotFound).Should().Be(7);
        var participants = await shop.Service<PinCovisor.Web.Sessions.RedisSessionStore>().ListParticipantsAsync(conversation.SessionId).WaitAsync(Timeout);
        participants.Should().ContainSingle();
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task TheInviteEndpointIsThrottledAsPinJoinsAre()
    {
        await using var shop = await StartAsync(new() { ["Join:MaxFailuresPerClient"] = "2" });
        await using var conversation = await Conversation.OpenAsync(shop, "whatsapp:");
        var token = await conversation.InviteAsync();
        var attacker = new SessionsApi(shop.Host.CreateLoopbackClient());
        var forged = conversation.SessionId + "." + new string('B', 22);

        using var first = await attacker.JoinInviteAsync(forged);
        using var second = await attacker.JoinInviteAsync(forged);
        using var third = await attacker.JoinInviteAsync(token);

        third.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "a throttled client's attempt is not tried, the right link neither");
        var joined = await attacker.FromAnotherClient().JoinedInviteAsync(token);
        joined.SessionId.Should().Be(conversation.SessionId, "the link was not spent by the throttled attempt");
    }

    private Task<MessagingShop> StartAsync(
        Dictionary<string, string?>? settings = null, RedisServerKind kind = RedisServerKind.Garnet, Action<IServiceCollection>? services = null)
    {
        var all = settings ?? [];
        all[SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value;
        return MessagingShop.StartAsync(servers, kind, all, services);
    }

    private static async Task ShouldBeSpentAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(Timeout);
        problem.GetProperty("detail").GetString().Should().Be(Spent);
    }

    private static Uri LinkOf(string body) => new(LinkPattern().Match(body).Value);

    private static string TokenOf(string body) =>
        Uri.UnescapeDataString(System.Web.HttpUtility.ParseQueryString(LinkOf(body).Query)["invite"]!);

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    /// <summary>A customer's WhatsApp or SMS conversation, routed to Ana, who has it open.</summary>
    private sealed class Conversation : IAsyncDisposable
    {
        private readonly MessagingShop _shop;

        private Conversation(MessagingShop shop, HubClient ana, string sessionId, string customer) =>
            (_shop, Ana, SessionId, Customer) = (shop, ana, sessionId, customer);

        public HubClient Ana { get; }

        public string SessionId { get; }

        public string Customer { get; }

        public static async Task<Conversation> OpenAsync(MessagingShop shop, string prefix, string? number = null)
        {
            await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
            var ana = await shop.ConnectAgentAsync("ana");
            var customer = prefix + (number ?? MessagingShop.NewCustomerNumber());
            await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), customer, "¿Me enseñas las zapatillas?"));
            var sessionId = (await MessagingShop.ChatsAsync(ana, 1)).Single().SessionId;
            await ana.JoinAsync(sessionId);
            return new Conversation(shop, ana, sessionId, customer);
        }

        /// <summary>Has Ana send the link and returns the token of the last link the customer received.</summary>
        public async Task<string> InviteAsync()
        {
            await Ana.InvokeAsync<long>("InviteToCovisor", SessionId);
            return TokenOf(_shop.Api.Received.Last().Body!);
        }

        public ValueTask DisposeAsync() => Ana.DisposeAsync();
    }
}

/// <summary><c>POST /api/join/invite</c> from a <see cref="SessionsApi"/>'s client address.</summary>
internal static class InviteJoinApi
{
    public static Task<HttpResponseMessage> JoinInviteAsync(this SessionsApi api, string invite) =>
        api.PostRawAsync("/api/join/invite", JsonSerializer.Serialize(new { invite }));

    public static async Task<JoinedJson> JoinedInviteAsync(this SessionsApi api, string invite)
    {
        using var response = await api.JoinInviteAsync(invite);
        return await SessionsApi.ReadAsync<JoinedJson>(response);
    }
}
