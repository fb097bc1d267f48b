using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Testing.Redis;
using PinCovisor.Web.Conversations;
using PinCovisor.Web.Hub;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Conversations;

/// <summary>Customers who write while the shop is closed are told when it opens, once per conversation and day.</summary>
[Collection(RedisCollection.Name)]
public sealed class AfterHoursTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // Weekdays 09:00-18:00 in Madrid (CET, UTC+1 in winter); 2026-12-08 is a holiday.
    private static readonly Dictionary<string, string?> Hours = new()
    {
        ["BusinessHours:TimeZone"] = "Europe/Madrid",
        ["BusinessHours:Weekly:Monday"] = "09:00-18:00",
        ["BusinessHours:Weekly:Tuesday"] = "09:00-18:00",
        ["BusinessHours:Weekly:Wednesday"] = "09:00-18:00",
        ["BusinessHours:Weekly:Thursday"] = "09:00-18:00",
        ["BusinessHours:Weekly:Friday"] = "09:00-18:00",
        ["BusinessHours:ClosedDates:0"] = "2026-12-08",
    };

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AMessageWhileClosedIsAnsweredWithTheNextOpeningInSpanishAndLoggedForTheAgentAndTheTranscript(RedisServerKind kind)
    {
        // Saturday 2026-11-28, 11:00 in Madrid.
        var (shop, _) = await StartAsync(kind, "2026-11-28T10:00:00Z");
        await using var _shop = shop;
        var sid = MessagingShop.NewMessageSid();
        var from = "whatsapp:" + MessagingShop.NewCustomerNumber();

        var twiml = await shop.SendAsync(MessagingShop.Inbound(sid, from, "Hola"));

        const string expected = "¡Hola! Ahora estamos cerrados. Volvemos a abrir el lunes a las 09:00 y te responderemos entonces.";
        Replies(twiml).Should().Equal(expected);
        var chats = await ChatsAsync(shop, from);
        chats.Select(e => e.Author.Role).Should().Equal("customer", "system");
        chats[1].Author.Should().Be(new EventAuthor("system", null, null));
        chats[1].DataAs<ChatMessage>().Should().Be(new ChatMessage(AfterHoursReply.MessageIdPrefix + sid, expected));
        TranscriptLine.From(chats).Select(l => (l.Role, l.Name, l.Text)).Should().Equal(("customer", "Lucía", "Hola"), ("system", null, expected));
    }

    [Fact]
    public async Task AnEnglishSpeakingCustomerGetsTheReplyInEnglish()
    {
        // Tuesday 2026-11-24, 07:00 in Madrid: the shop opens later today.
        var (shop, _) = await StartAsync(RedisServerKind.Garnet, "2026-11-24T06:00:00Z");
        await using var _shop = shop;

        var twiml = await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:+447700900123", "Do you have size 42?"));

        Replies(twiml).Should().Equal("Hello! We are closed right now. We open again today at 09:00 and will answer you then.");
    }

    [Fact]
    public async Task TheReplyComesOncePerConversationAndLocalDay()
    {
        var (shop, clock) = await StartAsync(RedisServerKind.Garnet, "2026-11-28T10:00:00Z");
        await using var _shop = shop;
        var from = "+" + "44770090" + RandomDigits(4);

        var first = await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "Hello"));
        clock.Advance(TimeSpan.FromHours(12)); // 23:00 in Madrid, still Saturday
        var second = await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "Anyone there?"));
        clock.Advance(TimeSpan.FromHours(2)); // Sunday 01:00
        var nextDay = await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "Hello again"));

        Replies(first).Should().ContainSingle().Which.Should().Contain("on Monday at 09:00");
        Replies(second).Should().BeEmpty();
        Replies(nextDay).Should().ContainSingle().Which.Should().Contain("tomorrow at 09:00");
    }

    [Fact]
    public async Task AMessageTwilioSendsAgainGetsTheSameReplyAndTheLogHoldsItOnce()
    {
        var (shop, _) = await StartAsync(RedisServerKind.Garnet, "2026-11-28T10:00:00Z");
        await using var _shop = shop;
        var from = "whatsapp:" + MessagingShop.NewCustomerNumber();
        var sid = MessagingShop.NewMessageSid();

        var answers = new List<XDocument>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            answers.Add(await shop.SendAsync(MessagingShop.Inbound(sid, from, "¿Abrís mañana?")));
        }

        answers.AddRange(await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => shop.SendAsync(MessagingShop.Inbound(sid, from, "¿Abrís mañana?")))).WaitAsync(Timeout));
        var later = await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "¿Hola?"));

        answers.Select(Replies).Should().AllSatisfy(r => r.Should().ContainSingle().Which.Should().Contain("el lunes"),
            "Twilio sends a MessageSid again only when it did not take the first answer, which therefore never reached the customer");
        Replies(later).Should().BeEmpty();
        (await ChatsAsync(shop, from)).Select(e => e.Author.Role).Should().Equal("customer", "system", "customer");
    }

    [Fact]
    public async Task WhileOpenNothingIsAnswered()
    {
        // Tuesday 2026-11-24, 11:00 in Madrid.
        var (shop, _) = await StartAsync(RedisServerKind.Garnet, "2026-11-24T10:00:00Z");
        await using var _shop = shop;

        var twiml = await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + MessagingShop.NewCustomerNumber(), "Hola"));

        Replies(twiml).Should().BeEmpty();
        (await RedisScan.KeysAsync(shop.Service<IConnectionMultiplexer>(), "pb:{session:*}:after-hours:*")).Should().BeEmpty();
    }

    [Fact]
    public async Task AClosedDateIsClosedAllDayAndTheReplyNamesTheDayAfterIt()
    {
        // Tuesday 2026-12-08 (a holiday), 11:00 in Madrid.
        var (shop, _) = await StartAsync(RedisServerKind.Garnet, "2026-12-08T10:00:00Z");
        await using var _shop = shop;

        var twiml = await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "+34600" + RandomDigits(6), "Hola"));

        Replies(twiml).Should().ContainSingle().Which.Should().Contain("Volvemos a abrir mañana a las 09:00");
    }

    [Fact]
    public async Task TheTextsAndTheSwitchAreTheShopsToChoose()
    {
        var texts = new Dictionary<string, string?>
        {
            ["Messaging:AfterHours:ReplyEn"] = "Closed. Back {day}, {time}.",
            ["Messaging:AfterHours:SenderName"] = "Zapatería Lucía",
        };
        var (shop, _) = await StartAsync(RedisServerKind.Garnet, "2026-11-28T10:00:00Z", texts);
        await using var _shop = shop;
        var (off, _) = await StartAsync(RedisServerKind.Garnet, "2026-11-28T10:00:00Z", new() { ["Messaging:AfterHours:Enabled"] = "false" });
        await using var _off = off;

        var from = "+1202555" + RandomDigits(4);
        var custom = await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "Hi"));
        var none = await off.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "+1202555" + RandomDigits(4), "Hi"));

        Replies(custom).Should().Equal("Closed. Back on Monday, 09:00.");
        (await ChatsAsync(shop, from))[1].Author.Name.Should().Be("Zapatería Lucía");
        Replies(none).Should().BeEmpty();
    }

    [Fact]
    public async Task WithoutBusinessHoursTheShopIsAlwaysOpenAndNeverRepliesByItself()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T03:00:00Z", CultureInfo.InvariantCulture));
        await using var shop = await MessagingShop.StartAsync(servers, services: s => s.AddSingleton<TimeProvider>(clock));

        var twiml = await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + MessagingShop.NewCustomerNumber(), "Hola"));

        Replies(twiml).Should().BeEmpty();
    }

    private async Task<(MessagingShop Shop, FakeTimeProvider Clock)> StartAsync(
        RedisServerKind kind, string utcNow, Dictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utcNow, CultureInfo.InvariantCulture));
        var all = new Dictionary<string, string?>(Hours);
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var shop = await MessagingShop.StartAsync(servers, kind, all, s => s.AddSingleton<TimeProvider>(clock));
        return (shop, clock);
    }

    /// <summary>The chat lines in the log of <paramref name="address"/>'s open conversation, as agents get them.</summary>
    private static async Task<IReadOnlyList<CovisorEvent>> ChatsAsync(MessagingShop shop, string address)
    {
        var index = ConversationKeys.Open(ConversationKeys.Hash(address));
        var sessionId = (string)(await shop.Service<IConnectionMultiplexer>().GetDatabase().StringGetAsync(index).WaitAsync(Timeout))!;
        var page = await shop.Service<SessionEventLog>().ReadAsync(sessionId, 0, 100).WaitAsync(Timeout);
        return [.. page.Events.Where(e => e.Kind == EventKinds.ChatMessage)];
    }

    private static List<string> Replies(XDocument twiml) => [.. twiml.Root!.Elements().Where(e => e.Name.LocalName == "Message").Select(e => e.Value)];

    private static string RandomDigits(int count) =>
        System.Security.Cryptography.RandomNumberGenerator.GetInt32((int)Math.Pow(10, count - 1), (int)Math.Pow(10, count)).ToString(CultureInfo.InvariantCulture);
}
