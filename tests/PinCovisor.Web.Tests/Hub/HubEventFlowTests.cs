using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PinCovisor.Web.Hub;
using SkiaSharp;
using static PinCovisor.Web.Tests.Hub.HubAssertions;

namespace PinCovisor.Web.Tests.Hub;

[Collection(RedisCollection.Name)]
public sealed class HubEventFlowTests(RedisServers servers)
{
    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ChatImageZoomStrokesAndVideoFlowFromAgentToCustomerAndBack(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var (id, agent, customer) = (scenario.SessionId, scenario.Agent, scenario.Customer);
        using var uploader = MediaUploads.ClientFor(scenario.Host, scenario.Session.CustomerToken);
        var photo = await MediaUploads.UploadAsync(uploader, id, TestImages.Jpeg(64, 48, SKColors.Red, SKColors.Blue));

        await agent.ChatAsync(id, "Hola, ¿qué modelo es?");
        await customer.ChatAsync(id, "Este, el de la correa azul");
        await customer.InvokeAsync<long>("ShareImage", id, new ImageShareInput(photo.MediaId, null));
        await agent.InvokeAsync<long>("SetView", id, new ViewState(2.5, 0.25, 0.75));
        await agent.InvokeAsync<long>("AddStroke", id, new StrokeInput("s1", [0.1, 0.1, 0.2, 0.25, 0.3, 0.4], "#FF0000", 4));
        await customer.InvokeAsync<long>("AddStroke", id, new StrokeInput("s2", [0.9, 0.9, 0.8, 0.8], "#00ff0080", 2));
        await customer.InvokeAsync<long>("SetView", id, new ViewState(1, 0.5, 0.5));
        await agent.InvokeAsync<long>("ControlVideo", id, new VideoCommand("play", ShopSettings.VideoId, 12.5, 1, false));
        await customer.InvokeAsync<long>("ControlVideo", id, new VideoCommand("pause", ShopSettings.VideoId, 14, 1, true));

        var kinds = new[]
        {
            EventKinds.ChatMessage, EventKinds.ChatMessage, EventKinds.ImageShared, EventKinds.ViewChanged, EventKinds.StrokeAdded,
            EventKinds.StrokeAdded, EventKinds.ViewChanged, EventKinds.Video, EventKinds.Video,
        };
        var atCustomer = await customer.Events.WaitForCountAsync(id, kinds.Length);
        var atAgent = await agent.Events.WaitForCountAsync(id, kinds.Length);

        atCustomer.Select(e => e.Kind).Should().Equal(kinds);
        atAgent.Should().BeEquivalentTo(atCustomer, o => o.WithStrictOrdering().ComparingByMembers<CovisorEvent>()
            .Excluding(e => e.Data).Excluding(e => e.Author.Id), "both sides see the same log");
        atCustomer.Select(e => e.Seq).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        atCustomer[0].DataAs<ChatMessage>().Text.Should().Be("Hola, ¿qué modelo es?");
        atCustomer[0].Author.Should().Be(new EventAuthor("agent", null, "Ana"), "customers see the agent's name, not their username");
        atAgent[0].Author.Should().Be(new EventAuthor("agent", "ana", "Ana"));
        atAgent[1].Author.Should().Be(new EventAuthor("customer", scenario.Session.ParticipantId, "Customer"));
        atAgent[2].DataAs<ImageShared>().Should().BeEquivalentTo(new { Source = "media", photo.MediaId, photo.Url });
        atCustomer[3].DataAs<ViewState>().Should().Be(new ViewState(2.5, 0.25, 0.75));
        var stroke = atCustomer[4].DataAs<StrokeAdded>();
        (stroke.StrokeId, stroke.Color, stroke.Width).Should().Be(("s1", "#ff0000", 4.0));
        stroke.Points.Should().Equal(0.1, 0.1, 0.2, 0.25, 0.3, 0.4);
        atAgent[5].DataAs<StrokeAdded>().Color.Should().Be("#00ff0080");
        atAgent[6].DataAs<ViewState>().Zoom.Should().Be(1);
        atCustomer[7].DataAs<VideoState>().Should().BeEquivalentTo(new { Action = "play", Position = 12.5, Playing = true });
        atAgent[8].DataAs<VideoState>().Should().BeEquivalentTo(new { Action = "pause", Position = 14.0, Playing = false });
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AgentSharesACatalogProductsPictureAndCard(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var id = scenario.SessionId;

        await scenario.Agent.InvokeAsync<long>("ShareImage", id, new ImageShareInput(null, ShopSettings.StrapId));
        await scenario.Agent.InvokeAsync<long>("ShareProduct", id, ShopSettings.StrapId);

        var events = await scenario.Customer.Events.WaitForCountAsync(id, 2);
        events[0].DataAs<ImageShared>().Should().BeEquivalentTo(new
        {
            Source = "product", MediaId = (string?)null, Url = "https://shop.example/img/strap.jpg", Product = new { Id = ShopSettings.StrapId },
        });
        events[1].DataAs<ProductCard>().Product.Should().BeEquivalentTo(new { Title = "Blue leather strap", Price = 39.9m, Currency = "EUR" });
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task UndoAndClearOfStrokesAreSharedEvents(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var id = scenario.SessionId;

        await scenario.Customer.InvokeAsync<long>("AddStroke", id, new StrokeInput("a", [0.1, 0.1], "#112233", 3));
        await scenario.Customer.InvokeAsync<long>("UndoStroke", id, "a");
        await scenario.Agent.InvokeAsync<long>("ClearStrokes", id);

        var events = await scenario.Agent.Events.WaitForCountAsync(id, 3);
        events.Select(e => e.Kind).Should().Equal(EventKinds.StrokeAdded, EventKinds.StrokeUndone, EventKinds.StrokesCleared);
        events[1].DataAs<StrokeUndone>().StrokeId.Should().Be("a");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TypingAndPointerReachTheOtherSideButStayOutOfTheLog(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var id = scenario.SessionId;

        await scenario.Customer.InvokeAsync("Typing", id, true);
        await scenario.Agent.InvokeAsync("MovePointer", id, 0.4, 0.6);
        await scenario.Customer.ChatAsync(id, "listo");

        var typing = await scenario.Agent.Events.WaitAsync(() => scenario.Agent.Events.Typing, t => t.Count == 1);
        typing[0].Should().BeEquivalentTo(new { SessionId = id, IsTyping = true, Author = new { Role = "customer" } });
        var pointers = await scenario.Customer.Events.WaitAsync(() => scenario.Customer.Events.Pointers, p => p.Count == 1);
        (pointers[0].X, pointers[0].Y, pointers[0].Author.Name).Should().Be((0.4, 0.6, "Ana"));
        var log = await scenario.Agent.Events.WaitForCountAsync(id, 1);
        log.Should().ContainSingle().Which.Kind.Should().Be(EventKinds.ChatMessage, "typing and pointer are not history");
        scenario.Customer.Events.Typing.Should().BeEmpty("a typing indicator goes to the others only");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ChatTextIsKeptAsPlainDataWithControlCharactersRemoved(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var id = scenario.SessionId;

        await scenario.Customer.ChatAsync(id, "  <b>hola</b>\u0007\r\nsegunda\u202Elínea\u0000 ");

        var message = (await scenario.Agent.Events.WaitForKindAsync(id, EventKinds.ChatMessage)).DataAs<ChatMessage>();
        message.Text.Should().Be("<b>hola</b>\nsegundalínea", "markup is data, shown as typed; controls and overrides go");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task InvalidInputIsRefusedWithAMessageSayingWhatIsWrong(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind, new Dictionary<string, string?> { ["Hub:MaxTextLength"] = "10" });
        var (id, customer) = (scenario.SessionId, scenario.Customer);

        await Refused(customer.ChatAsync(id, "once upon a time"), "Messages are at most 10 characters.");
        await Refused(customer.ChatAsync(id, " \u0007 "), "The message is empty.");
        await Refused(customer.InvokeAsync<long>("AddStroke", id, new StrokeInput("s1", [0.5, 1.5], "#000000", 2)),
            "The stroke coordinates must be between 0 and 1.");
        await Refused(customer.InvokeAsync<long>("AddStroke", id, new StrokeInput("s1", [0.5, 0.5], "red", 2)),
            "The colour must be #rrggbb or #rrggbbaa.");
        await Refused(customer.InvokeAsync<long>("SetView", id, new ViewState(100, 0.5, 0.5)), "The zoom must be between 1 and 20.");
        await Refused(customer.InvokeAsync<long>("ShareImage", id, new ImageShareInput("m_doesnotexist", null)),
            "That image is not in this session (it may have expired); upload it again.");
        await Refused(customer.InvokeAsync<long>("ControlVideo", id, new VideoCommand("rewind", "v1", 0, 1, true)),
            "A video command is load, play, pause, seek or rate.");
        await Refused(customer.InvokeAsync<long>("ControlVideo", id, new VideoCommand("play", "not-configured", 0, 1, true)),
            "There is no such video in the shop's list.");
        await Refused(customer.InvokeAsync<long>("ShareProduct", id, "sku-unknown"), "There is no such product in the catalog.");
        await Refused(customer.InvokeAsync<long>("ShareImage", id, new ImageShareInput(null, ShopSettings.NoPictureId)),
            "That product has no picture to share.");
        await Refused(customer.InvokeAsync<long>("ShareImage", id, new ImageShareInput(null, null)),
            "Share either an uploaded image (mediaId) or a product (productId).");

        (await customer.ChatAsync(id, "ok")).Should().Be(1, "nothing refused was logged");
    }
}
