using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Csat;
using PinCovisor.Web.Insight;
using PinCovisor.Web.Retention;
using PinCovisor.Web.Sessions;
using PinCovisor.Web.Tests.Conversations;
using PinCovisor.Web.Tests.Webhooks;
using PinCovisor.Web.Webhooks;

namespace PinCovisor.Web.Tests.Csat;

[Collection(RedisCollection.Name)]
public sealed class CsatMessagingTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AClosedWhatsAppConversationAsksTheQuestionAndADigitReplyIsRecordedOnceAndThanked(RedisServerKind kind)
    {
        // A day of its own: the day's totals then hold only this test's answers, though Ana is everyone's agent.
        var clock = NewClock();
        await using var shop = await MessagingShop.StartAsync(servers, kind, services: s => s.AddSingleton<TimeProvider>(clock));
        var from = "whatsapp:" + MessagingShop.NewCustomerNumber();
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "Hola, ¿tenéis la talla 42?"));
        var conversation = (await shop.FindConversationAsync("ana", from))!;

        await shop.Service<SessionLifecycle>().CloseAsync(conversation.Id, "ended-by-agent").WaitAsync(Timeout);
        var sid = MessagingShop.NewMessageSid();
        var first = await shop.SendAsync(MessagingShop.Inbound(sid, from, "5 muy amable"));
        var retried = await shop.SendAsync(MessagingShop.Inbound(sid, from, "5 muy amable"));
        var store = shop.Service<CsatStore>();
        var day = CsatStore.Day(clock.GetUtcNow());

        shop.Api.Received.Where(m => m.To == from).Select(m => m.Body).Should().Equal(new CsatOptions().QuestionEs);
        Replies(first).Should().Equal(new CsatOptions().ThanksEs);
        Replies(retried).Should().Equal(new[] { new CsatOptions().ThanksEs }, "Twilio's retry gets the same answer");
        var answer = await store.ReadAsync(conversation.Id).WaitAsync(Timeout);
        answer.Should().BeEquivalentTo(new { SessionId = conversation.Id, Agent = "ana", Channel = "whatsapp", Score = 5, Comment = "muy amable" });
        var totals = (await store.TotalsAsync(day, day).WaitAsync(Timeout)).Should().ContainSingle().Subject;
        totals.Should().BeEquivalentTo(new { Agent = "ana", Responses = 1L, Average = 5.0 }, "the retry was not counted again");
        totals.ByChannel.Should().ContainKey("whatsapp").WhoseValue.Should().Be(new CsatChannelResult(1, 5));
        (await shop.FindConversationAsync("ana", from)).Should().BeNull("an answer opens no conversation");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ARecordedAnswerIsChartedPublishedToTheShopAndErasedWithItsCustomer(RedisServerKind kind)
    {
        var clock = NewClock();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var shop = await MessagingShop.StartAsync(servers, kind, new Dictionary<string, string?>
        {
            ["Webhooks:Queue"] = WebhookHost.NewQueue(),
            ["Webhooks:Endpoints:0:Name"] = "crm",
            ["Webhooks:Endpoints:0:Url"] = receiver.Url.ToString(),
            ["Webhooks:Endpoints:0:Secret"] = WebhookReceiver.Secret,
            ["Webhooks:Endpoints:0:Events:0"] = "csat.submitted",
            ["Webhooks:PollInterval"] = "01:00:00",
        }, s => s.AddSingleton<TimeProvider>(clock));
        var number = MessagingShop.NewCustomerNumber();
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + number, "Hola"));
        var conversation = (await shop.FindConversationAsync("ana", "whatsapp:" + number))!;
        await shop.Service<SessionLifecycle>().CloseAsync(conversation.Id, "ended-by-agent").WaitAsync(Timeout);
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + number, "4 bien"));
        var day = CsatStore.Day(clock.GetUtcNow());

        await shop.Service<WebhookDispatcher>().DeliverDueAsync().WaitAsync(Timeout);
        var charted = await shop.Service<InsightReader>().ReadAsync(day, day).WaitAsync(Timeout);
        var removed = await shop.Service<CustomerEraser>().EraseAsync(number).WaitAsync(Timeout);

        var published = receiver.Received.Should().ContainSingle(r => r.Json.GetProperty("type").GetString() == "csat.submitted").Subject;
        published.Data.GetProperty("sessionId").GetString().Should().Be(conversation.Id);
        published.Data.GetProperty("agent").GetString().Should().Be("ana");
        published.Data.GetProperty("channel").GetString().Should().Be("whatsapp");
        published.Data.GetProperty("score").GetInt32().Should().Be(4);
        published.Data.GetProperty("comment").GetString().Should().Be("bien");
        charted.Agents.Should().ContainSingle(a => a.Agent == "ana" && a.Channel == "whatsapp")
            .Which.Should().BeEquivalentTo(new { CsatCount = 1L, CsatSum = 4L });
        removed.Csat.Should().Be(1);
        (await shop.Service<CsatStore>().ReadAsync(conversation.Id).WaitAsync(Timeout)).Should().BeNull();
        (await shop.Service<CsatStore>().TotalsAsync(day, day).WaitAsync(Timeout)).Should().BeEmpty("the erased answer left the day's totals");
        (await shop.Service<CsatStore>().ListAsync("ana", clock.GetUtcNow().AddDays(-1), clock.GetUtcNow().AddDays(1)).WaitAsync(Timeout))
            .Should().BeEmpty();
    }

    [Fact]
    public async Task ACustomerWhoseConversationIsErasedIsNotAskedToRateIt()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        var number = MessagingShop.NewCustomerNumber();
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + number, "Borrad mis datos, por favor"));
        var conversation = (await shop.FindConversationAsync("ana", "whatsapp:" + number))!;

        await shop.Service<CustomerEraser>().EraseAsync(number).WaitAsync(Timeout);

        shop.Api.Received.Where(m => m.To == "whatsapp:" + number).Should().BeEmpty("the live conversation was closed to be erased, not rated");
        (await shop.Service<CsatStore>().GetOfferAsync(conversation.Id).WaitAsync(Timeout)).Should().BeNull();
    }

    [Fact]
    public async Task OutsideTheWhatsAppWindowNoQuestionIsSentAndADigitOpensAConversation()
    {
        var clock = NewClock();
        await using var shop = await MessagingShop.StartAsync(servers, services: s => s.AddSingleton<TimeProvider>(clock));
        var from = "whatsapp:" + MessagingShop.NewCustomerNumber();
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "Hola"));
        var conversation = (await shop.FindConversationAsync("ana", from))!;

        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await shop.Service<SessionLifecycle>().CloseAsync(conversation.Id, "ended-by-agent").WaitAsync(Timeout);
        var reply = await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "5"));

        shop.Api.Received.Where(m => m.To == from).Should().BeEmpty();
        Replies(reply).Should().BeEmpty();
        (await shop.FindConversationAsync("ana", from))!.Id.Should().NotBe(conversation.Id, "the digit opened a new conversation");
        (await shop.Service<CsatStore>().ReadAsync(conversation.Id).WaitAsync(Timeout)).Should().BeNull();
    }

    [Fact]
    public async Task AnSmsCustomerIsAskedInEnglishAndOtherTextOpensAConversationAsBefore()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        var from = "+44770" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "Hello there"));
        var conversation = (await shop.FindConversationAsync("ana", from))!;

        await shop.Service<SessionLifecycle>().CloseAsync(conversation.Id, "ended-by-agent").WaitAsync(Timeout);
        var other = await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "10 more questions"));

        shop.Api.Received.Where(m => m.To == from).Select(m => m.Body).Should().Equal(new CsatOptions().QuestionEn);
        Replies(other).Should().BeEmpty();
        (await shop.FindConversationAsync("ana", from))!.Id.Should().NotBe(conversation.Id);
        (await shop.Service<CsatStore>().ReadAsync(conversation.Id).WaitAsync(Timeout)).Should().BeNull();
    }

    [Theory]
    [InlineData("5", 5, null)]
    [InlineData(" 4. Todo bien ", 4, "Todo bien")]
    [InlineData("1-lento", 1, "lento")]
    [InlineData("3\nok", 3, "ok")]
    public void RepliesThatStartWithOneDigitOneToFiveAreAnswers(string body, int score, string? comment) =>
        CsatReplies.Parse(body).Should().Be((score, comment));

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("6 estrellas")]
    [InlineData("10")]
    [InlineData("5€")]
    [InlineData("hola 5")]
    public void OtherRepliesAreNotAnswers(string body) => CsatReplies.Parse(body).Should().BeNull();

    private static FakeTimeProvider NewClock() =>
        new(TestClock.RandomInstantAhead());

    private static List<string> Replies(XDocument twiml) =>
        [.. twiml.Root!.Elements().Where(e => e.Name.LocalName == "Message").Select(e => e.Value)];
}
