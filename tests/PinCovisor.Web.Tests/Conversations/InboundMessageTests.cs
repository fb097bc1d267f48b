using System.Net;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Conversations;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Conversations;

/// <summary><c>POST /twilio/messaging</c>: signed messages become one conversation per address, stored once each.</summary>
[Collection(RedisCollection.Name)]
public sealed class InboundMessageTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ASignedWhatsAppMessageOpensAConversationWhoseAgentSeesTheMessageAtOnce(RedisServerKind kind)
    {
        await using var shop = await MessagingShop.StartAsync(servers, kind);
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");
        var number = MessagingShop.NewCustomerNumber();
        var sid = MessagingShop.NewMessageSid();

        var twiml = await shop.SendAsync(MessagingShop.Inbound(sid, "whatsapp:" + number, "Hola, ¿tenéis la talla 42?", "Lucía"));

        twiml.Root!.Name.LocalName.Should().Be("Response");
        twiml.Root.Elements().Should().BeEmpty();
        var chat = (await MessagingShop.ChatsAsync(ana, 1)).Single();
        chat.DataAs<ChatMessage>().Should().Be(new ChatMessage(sid, "Hola, ¿tenéis la talla 42?", "whatsapp"));
        chat.Author.Should().Be(new EventAuthor("customer", null, "Lucía"));
        var session = await shop.Service<RedisSessionStore>().GetAsync(chat.SessionId).WaitAsync(Timeout);
        session!.Origin.Should().Be(SessionOrigin.WhatsApp);
        session.AgentUsername.Should().Be("ana");
        session.CallSid.Should().BeNull();
        ana.Events.Arrivals.Should().ContainSingle(e => e.Kind == EventKinds.AgentChanged).Which.DataAs<AgentChanged>().Agent.Should().Be("ana");

        var listed = await shop.FindListedAsync("ana", s => s.Id == chat.SessionId);
        listed.Should().Be(new AgentSessionJson(chat.SessionId, "whatsapp", "ana", PhoneBridge.Calls.PhoneNumberMask.Mask(number), "Lucía"));
        (await ana.InvokeAsync<JoinResult>("JoinSession", chat.SessionId, 0L)).Events.Should().ContainSingle(e => e.Kind == EventKinds.ChatMessage);
    }

    [Fact]
    public async Task TheCustomersAddressIsStoredEncryptedAndNeverInAKeyNameOrALogLine()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        var number = MessagingShop.NewCustomerNumber();
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + number, "Hola"));

        var redis = shop.Service<IConnectionMultiplexer>();
        var digits = number[1..];
        var keys = (await RedisScan.KeysAsync(redis, "pb:*")).Select(k => k.ToString()).ToList();
        keys.Should().NotContain(k => k.Contains(digits, StringComparison.Ordinal));
        var index = ConversationKeys.Open(ConversationKeys.Hash("whatsapp:" + number));
        var sessionId = (string)(await redis.GetDatabase().StringGetAsync(index).WaitAsync(Timeout))!;
        var record = await redis.GetDatabase().HashGetAllAsync(ConversationKeys.Record(sessionId)).WaitAsync(Timeout);
        record.Should().NotContain(e => e.Value.ToString().Contains(digits, StringComparison.Ordinal));
        (await shop.Service<ConversationStore>().GetCustomerAsync(sessionId).WaitAsync(Timeout))!.Address.Should().Be("whatsapp:" + number);
        shop.Host.Logs.Lines.Should().NotContain(l => l.Contains(digits, StringComparison.Ordinal) || l.Contains("Hola", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AForgedMessageIsRefusedWith403AndWritesNothing()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        var number = MessagingShop.NewCustomerNumber();

        using var response = await shop.Twilio.PostAsync("/twilio/messaging",
            MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + number, "Hola"), signature: "Zm9yZ2Vk");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var db = shop.Service<IConnectionMultiplexer>().GetDatabase();
        (await db.KeyExistsAsync(ConversationKeys.Open(ConversationKeys.Hash("whatsapp:" + number))).WaitAsync(Timeout)).Should().BeFalse();
        (await RedisScan.KeysAsync(shop.Service<IConnectionMultiplexer>(), "pb:{session:*")).Should().BeEmpty();
    }

    [Fact]
    public async Task AMessageTwilioSendsAgainIsStoredOnceEvenWhenEightCopiesArriveAtOnce()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        var from = "whatsapp:" + MessagingShop.NewCustomerNumber();
        var first = MessagingShop.NewMessageSid();
        var burst = MessagingShop.NewMessageSid();

        await shop.SendAsync(MessagingShop.Inbound(first, from, "Primero"));
        await shop.SendAsync(MessagingShop.Inbound(first, from, "Primero"));
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => shop.SendAsync(MessagingShop.Inbound(burst, from, "Ocho veces"))))
            .WaitAsync(Timeout);

        answers.Should().AllSatisfy(a => a.Root!.Elements().Should().BeEmpty());
        await using var ana = await shop.ConnectAgentAsync("ana");
        var sessionId = (await shop.FindListedAsync("ana", s => s.Origin == "whatsapp"))!.Id;
        var chats = (await ana.JoinAsync(sessionId)).Events.Where(e => e.Kind == EventKinds.ChatMessage).ToList();
        chats.Select(e => e.DataAs<ChatMessage>().MessageId).Should().Equal(first, burst);
        (await shop.Service<RedisSessionStore>().ListOpenForAgentAsync("ana").WaitAsync(Timeout)).Should().ContainSingle();
    }

    [Fact]
    public async Task EveryAttachmentOfAMessageIsAnnouncedPendingWithItsContentTypeAndNoTwilioUrl()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");
        var sid = "MM" + Guid.NewGuid().ToString("N");
        var form = MessagingShop.Inbound(sid, "+34600111222", "");
        form.RemoveAll(f => f.Key == "NumMedia");
        form.Add(new("NumMedia", "3"));
        for (var i = 0; i < 3; i++)
        {
            form.Add(new($"MediaUrl{i}", $"https://api.twilio.com/2010-04-01/Accounts/{LoopbackTwilioApi.AccountSid}/Messages/{sid}/Media/ME{i}"));
            form.Add(new($"MediaContentType{i}", i == 2 ? "application/pdf" : "image/jpeg"));
        }

        await shop.SendAsync(form);

        var chat = (await MessagingShop.ChatsAsync(ana, 1)).Single();
        chat.DataAs<ChatMessage>().Text.Should().BeEmpty();
        chat.DataAs<ChatMessage>().Channel.Should().Be("sms");
        chat.DataAs<ChatMessage>().Media.Should().Equal(
            new ChatMedia("pending", "image/jpeg"), new ChatMedia("pending", "image/jpeg"), new ChatMedia("pending", "application/pdf"));
        chat.Data.GetRawText().Should().NotContain("api.twilio.com", "browsers never see Twilio's URLs or the account SID");
    }

    [Fact]
    public async Task FieldsTwilioAddsLaterAreIgnoredAndAButtonTapIsTheMessagesText()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");
        var form = MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + MessagingShop.NewCustomerNumber(), "");
        form.Add(new("ButtonText", "Sí, quiero cita"));
        form.Add(new("ButtonPayload", "yes"));
        form.Add(new("ReferralCtwaClid", "abc"));
        form.Add(new("SomethingNew{0}", "<xml/>"));

        await shop.SendAsync(form);

        (await MessagingShop.ChatsAsync(ana, 1)).Single().DataAs<ChatMessage>().Text.Should().Be("Sí, quiero cita");
    }

    [Fact]
    public async Task AMessageWithoutMessageSidOrSenderIsAnsweredWithNothingAndStoresNothing()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        var noSid = MessagingShop.Inbound("x", "whatsapp:" + MessagingShop.NewCustomerNumber(), "Hola");
        noSid.RemoveAll(f => f.Key is "MessageSid" or "SmsMessageSid");
        var badFrom = MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:600111222", "Hola");

        foreach (var form in new[] { noSid, badFrom })
        {
            (await shop.SendAsync(form)).Root!.Elements().Should().BeEmpty();
        }

        (await RedisScan.KeysAsync(shop.Service<IConnectionMultiplexer>(), "pb:{session:*")).Should().BeEmpty();
        shop.Host.Logs.Lines.Should().Contain(m => m.Contains("Id: 1170", StringComparison.Ordinal) && m.Contains("Field=MessageSid", StringComparison.Ordinal))
            .And.Contain(m => m.Contains("Id: 1170", StringComparison.Ordinal) && m.Contains("Field=From", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("whatsapp:")]
    [InlineData("")]
    public async Task TheSecondMessageOfAnAddressGoesToTheSameConversationOnEitherChannel(string prefix)
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");
        var from = prefix + MessagingShop.NewCustomerNumber();

        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "Uno"));
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "Dos"));

        var chats = await MessagingShop.ChatsAsync(ana, 2);
        chats.Select(e => e.SessionId).Distinct().Should().ContainSingle();
        chats.Select(e => e.DataAs<ChatMessage>().Text).Should().Equal("Uno", "Dos");
        var session = await shop.Service<RedisSessionStore>().GetAsync(chats[0].SessionId).WaitAsync(Timeout);
        session!.Origin.Should().Be(prefix.Length == 0 ? SessionOrigin.Sms : SessionOrigin.WhatsApp);
    }
}
