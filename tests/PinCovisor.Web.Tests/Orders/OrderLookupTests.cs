using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Orders;
using PinCovisor.Web.Tests.Hub;
using PinCovisor.Web.Tests.Media;

namespace PinCovisor.Web.Tests.Orders;

/// <summary><c>/api/orders/{number}</c>: the shop's order API and order files, for the agent of a session that mentioned the number.</summary>
[Collection(RedisCollection.Name)]
public sealed class OrderLookupTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnOrderMentionedInTheChatIsReadFromTheShopsApiWithItsHeaderOnceForTwoLookups(RedisServerKind kind)
    {
        await using var api = await OrderApi.StartAsync();
        await using var scenario = await MentionAsync(kind, api.Settings(), $"Mi pedido es {OrderApi.Found}");
        using var ana = AgentOf(scenario);

        var first = await ana.GetFromJsonAsync<Order>(Url(scenario, OrderApi.Found)).WaitAsync(Timeout);
        var second = await ana.GetFromJsonAsync<Order>(Url(scenario, OrderApi.Found)).WaitAsync(Timeout);

        first.Should().BeEquivalentTo(new Order(OrderApi.Found, "Enviado", new DateTimeOffset(2026, 11, 28, 10, 15, 0, TimeSpan.FromHours(1)),
            new DateOnly(2026, 12, 9), "EUR", 118.9m, [new OrderItem("aurora-lampara-duna", "Lámpara de mesa Duna", 2, 49.9m)]));
        second.Should().BeEquivalentTo(first);
        api.Requests.Should().Be(1, "the second lookup is answered from the cache");
    }

    [Fact]
    public async Task AnOrderTheApiDoesNotKnowIs404AndRememberedAsUnknown()
    {
        await using var api = await OrderApi.StartAsync();
        await using var scenario = await MentionAsync(RedisServerKind.Garnet, api.Settings(), $"¿Y el {OrderApi.Unknown}?");
        using var ana = AgentOf(scenario);

        using var first = await ana.GetAsync(Url(scenario, OrderApi.Unknown)).WaitAsync(Timeout);
        using var second = await ana.GetAsync(Url(scenario, OrderApi.Unknown)).WaitAsync(Timeout);

        (await first.ShouldBeProblemAsync(HttpStatusCode.NotFound)).Should().Be($"No order {OrderApi.Unknown} in the shop's orders.");
        await second.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        api.Requests.Should().Be(1);
    }

    [Theory]
    [InlineData(OrderApi.Slow, OrderApi.HeaderValue)]
    [InlineData(OrderApi.Malformed, OrderApi.HeaderValue)]
    [InlineData(OrderApi.Found, "otra-clave")]
    public async Task ASlowMalformedOrRefusingApiIs503AndNotCached(string number, string headerValue)
    {
        await using var api = await OrderApi.StartAsync();
        await using var scenario = await MentionAsync(RedisServerKind.Garnet, api.Settings(headerValue), $"Pedido {number}");
        using var ana = AgentOf(scenario);

        using var first = await ana.GetAsync(Url(scenario, number)).WaitAsync(Timeout);
        using var second = await ana.GetAsync(Url(scenario, number)).WaitAsync(Timeout);

        await first.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        await second.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        api.Requests.Should().Be(2, "an unavailable source is asked again");
        scenario.Host.Logs.Lines.Should().NotContain(l => l.Contains(headerValue, StringComparison.Ordinal), "the header is a secret");
    }

    [Theory]
    [InlineData(".json", """
        [{"number": "CD-550012", "status": "Entregado", "deliveryDate": "2026-11-19", "currency": "EUR", "total": 37,
          "items": [{"title": "Tazas de cerámica Mar (2)", "quantity": 2, "price": 18.5}]}]
        """)]
    [InlineData(".csv", """
        number,status,placedAt,deliveryDate,currency,total,sku,title,quantity,price
        CD-550012,Entregado,,2026-11-19,EUR,37,,Tazas de cerámica Mar (2),2,18.5
        CD-550013,Enviado,,,EUR,,,"Cojín de lino Olivo, 45 cm",1,
        """)]
    public async Task AnOrderFileAnswersItsOrders(string extension, string content)
    {
        var path = Path.Combine(Path.GetTempPath(), "orders-" + Guid.NewGuid().ToString("N") + extension);
        await File.WriteAllTextAsync(path, content);
        try
        {
            await using var scenario = await MentionAsync(RedisServerKind.Garnet,
                new Dictionary<string, string?> { ["Orders:Source:Kind"] = "File", ["Orders:Source:Path"] = path }, "CD-550012 o AB-999999");
            using var ana = AgentOf(scenario);

            var found = await ana.GetFromJsonAsync<Order>(Url(scenario, "CD-550012")).WaitAsync(Timeout);
            using var unknown = await ana.GetAsync(Url(scenario, "AB-999999")).WaitAsync(Timeout);

            found.Should().BeEquivalentTo(new Order("CD-550012", "Entregado", null, new DateOnly(2026, 11, 19), "EUR", 37m,
                [new OrderItem(null, "Tazas de cerámica Mar (2)", 2, 18.5m)]));
            await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ANumberNeverMentionedOrAnotherAgentsSessionIsRefused()
    {
        await using var scenario = await MentionAsync(RedisServerKind.Garnet, DemoFile(), "Hola");
        using var ana = AgentOf(scenario);
        using var bruno = MediaUploads.ClientFor(scenario.Host, await SessionSeeder.AgentTokenAsync(scenario.Host, "bruno"));
        await scenario.Customer.ChatAsync(scenario.SessionId, "AB-104201").WaitAsync(Timeout);
        await scenario.Customer.Events.WaitForCountAsync(scenario.SessionId, 2);

        using var neverMentioned = await ana.GetAsync(Url(scenario, "AB-104200")).WaitAsync(Timeout);
        using var otherAgent = await bruno.GetAsync(Url(scenario, "AB-104201")).WaitAsync(Timeout);
        using var noSession = await ana.GetAsync("/api/orders/AB-104201").WaitAsync(Timeout);

        (await neverMentioned.ShouldBeProblemAsync(HttpStatusCode.NotFound)).Should().Be("No order AB-104200 in the shop's orders.",
            "an order that exists but was not mentioned is answered as unknown");
        await otherAgent.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await noSession.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ANumberTheAgentTypesIsRecordedThenLookedUp()
    {
        await using var scenario = await MentionAsync(RedisServerKind.Garnet, DemoFile(), "Hola");
        using var ana = AgentOf(scenario);

        using var typed = await ana.PostAsync(Url(scenario, "AB-104200"), null).WaitAsync(Timeout);
        var later = await ana.GetFromJsonAsync<Order>(Url(scenario, "AB-104200")).WaitAsync(Timeout);
        using var notANumber = await ana.PostAsync(Url(scenario, "hola"), null).WaitAsync(Timeout);

        typed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await typed.Content.ReadFromJsonAsync<Order>().WaitAsync(Timeout))!.Status.Should().Be("Enviado");
        later!.Items.Should().HaveCount(2);
        await notANumber.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task WithoutAnOrderSourceLookupsAre409()
    {
        await using var scenario = await MentionAsync(RedisServerKind.Garnet, null, "AB-104200");
        using var ana = AgentOf(scenario);

        using var response = await ana.GetAsync(Url(scenario, "AB-104200")).WaitAsync(Timeout);

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Should().Be("This shop has no order source configured (Orders:Source).");
    }

    [Theory]
    [InlineData("Orders:Source:UrlTemplate", "Http", "Orders:Source:UrlTemplate", "https://shop.example/orders")]
    [InlineData("Orders:Source:UrlTemplate", "Http", "Orders:Source:UrlTemplate", "ftp://shop.example/{number}")]
    [InlineData("Orders:Source:HeaderValue", "Http", "Orders:Source:HeaderName", "Authorization")]
    [InlineData("Orders:Source:Timeout", "Http", "Orders:Source:Timeout", "00:00:00")]
    [InlineData("Orders:Source:Path", "File", "Orders:Source:Path", "no-such-orders.json")]
    [InlineData("Orders:Source:Path", "File", "Orders:Source:Path", "")]
    public void AnUnusableOrderSourceStopsTheHostNamingTheKey(string named, string kind, string key, string value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = servers.ConnectionString(RedisServerKind.Redis),
            ["Orders:Source:Kind"] = kind,
            ["Orders:Source:UrlTemplate"] = "https://shop.example/orders/{number}",
            [key] = value,
        };
        using var host = new PinCovisorHost(settings);

        var start = () => host.BaseAddress;

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(named);
    }

    /// <summary>Settings of a host whose order source is the demo's order file (AB-104200, AB-104201, CD-550012).</summary>
    internal static Dictionary<string, string?> DemoFile() => new()
    {
        ["Orders:Source:Kind"] = "File",
        ["Orders:Source:Path"] = Path.Combine(AppContext.BaseDirectory, "Demo", "orders.json"),
    };

    private async Task<HubScenario> MentionAsync(RedisServerKind kind, Dictionary<string, string?>? settings, string text)
    {
        var scenario = await HubScenario.StartAsync(servers, kind, settings);
        await scenario.Customer.ChatAsync(scenario.SessionId, text).WaitAsync(Timeout);
        await scenario.Customer.Events.WaitForCountAsync(scenario.SessionId, 1);
        return scenario;
    }

    private static HttpClient AgentOf(HubScenario scenario) => MediaUploads.ClientFor(scenario.Host, scenario.Session.AgentToken);

    private static string Url(HubScenario scenario, string number) => $"/api/orders/{number}?sessionId={scenario.SessionId}";
}
