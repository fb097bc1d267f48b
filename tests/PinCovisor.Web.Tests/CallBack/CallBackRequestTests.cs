using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.CallBack;
using PinCovisor.Web.Tests.Hub;
using PinCovisor.Web.Tests.Ivr;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.CallBack;

/// <summary>The customer's side of "call me back": which numbers and sessions may ask, and what the others see.</summary>
[Collection(RedisCollection.Name)]
public sealed class CallBackRequestTests(RedisServers servers)
{
    private const string Typed = "600 11 12 22";
    private const string Masked = "+34 6•• ••• 222";

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AValidNumberReachesTheAgentMaskedAndIsKeptOnlyEncrypted(RedisServerKind kind)
    {
        await using var shop = await CallBackShop.StartAsync(servers, kind);
        (await shop.Customer.InvokeAsync<bool>("CanRequestCallBack", shop.SessionId)).Should().BeTrue();

        var seq = await shop.Customer.InvokeAsync<long>("RequestCallBack", shop.SessionId, Typed);

        var atAgent = await shop.Agent.Events.WaitForKindAsync(shop.SessionId, CallBackEventKinds.Requested);
        var atCustomer = await shop.Customer.Events.WaitForKindAsync(shop.SessionId, CallBackEventKinds.Requested);
        atAgent.Seq.Should().Be(seq);
        atAgent.Author.Role.Should().Be("customer");
        atAgent.DataAs<CallBackRequested>().MaskedNumber.Should().Be(Masked);
        atCustomer.DataAs<CallBackRequested>().MaskedNumber.Should().Be(Masked);
        var stored = await shop.Service<IConnectionMultiplexer>().GetDatabase().HashGetAllAsync(CallBackStore.Request(shop.SessionId))
            .WaitAsync(TimeSpan.FromSeconds(30));
        stored.Should().Contain(e => e.Name == "number");
        foreach (var text in stored.Select(e => e.Value.ToString())
                     .Concat([shop.Agent.RawReceived, shop.Customer.RawReceived]).Concat(shop.Host.Logs.Lines))
        {
            text.Should().NotContain("600111222").And.NotContain("600 11 12 22");
        }
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("call me")]
    [InlineData("+34 806 123 456")]
    [InlineData("")]
    public async Task ANumberThatCannotBeCalledIsRefusedAndNothingIsLogged(string typed)
    {
        await using var shop = await CallBackShop.StartAsync(servers, RedisServerKind.Garnet);

        await HubAssertions.Refused(shop.Customer.InvokeAsync<long>("RequestCallBack", shop.SessionId, typed),
            "That is not a phone number we can call. Check it, and add the country code (+44…) if it is from abroad.");

        (await shop.Agent.JoinAsync(shop.SessionId)).LatestSeq.Should().Be(0);
        if (typed.Length > 0)
        {
            shop.Host.Logs.Lines.Should().NotContain(line => line.Contains(typed, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ANumberFromAbroadIsTakenWithItsCountryCode()
    {
        await using var shop = await CallBackShop.StartAsync(servers, RedisServerKind.Garnet);

        await shop.Customer.InvokeAsync<long>("RequestCallBack", shop.SessionId, "+44 7400 123456");

        var requested = await shop.Agent.Events.WaitForKindAsync(shop.SessionId, CallBackEventKinds.Requested);
        requested.DataAs<CallBackRequested>().MaskedNumber.Should().Be("+44 7•• ••• •456");
    }

    [Fact]
    public async Task ASecondRequestWithinTheIntervalIsRefused()
    {
        await using var shop = await CallBackShop.StartAsync(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["CallBack:RequestInterval"] = "00:10:00" });
        await shop.Customer.InvokeAsync<long>("RequestCallBack", shop.SessionId, Typed);

        var again = await shop.Customer.Invoking(c => c.InvokeAsync<long>("RequestCallBack", shop.SessionId, "611 22 33 44"))
            .Should().ThrowAsync<Microsoft.AspNetCore.SignalR.HubException>();

        again.Which.Message.Should().MatchRegex(@"You asked to be called a moment ago; wait \d+ seconds before asking again\.$");
        var log = await shop.Agent.JoinAsync(shop.SessionId);
        log.LatestSeq.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheCustomerOfASessionThatHasACallCannotAskToBeCalled(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind, new Dictionary<string, string?> { ["CallBack:From"] = CallBackShop.ShopNumber });
        var seeded = await SessionSeeder.SeedAsync(host);
        await using var customer = await HubClient.ConnectAsync(host.BaseAddress, seeded.CustomerToken);
        (await customer.InvokeAsync<bool>("CanRequestCallBack", seeded.SessionId)).Should().BeFalse();

        await HubAssertions.Refused(customer.InvokeAsync<long>("RequestCallBack", seeded.SessionId, Typed), "This session already has a call.");
    }

    [Fact]
    public async Task AnAgentCannotAskForTheCustomer()
    {
        await using var shop = await CallBackShop.StartAsync(servers, RedisServerKind.Garnet);

        await HubAssertions.Refused(shop.Agent.InvokeAsync<long>("RequestCallBack", shop.SessionId, Typed), "Only the customer can ask to be called.");
    }

    [Fact]
    public async Task ACallWithTheWrongArgumentsIsExplainedWithoutTheServerSideParameters()
    {
        await using var shop = await CallBackShop.StartAsync(servers, RedisServerKind.Garnet);

        await HubAssertions.Refused(shop.Customer.InvokeAsync<long>("RequestCallBack", shop.SessionId),
            "The page sent a request this server does not understand (RequestCallBack takes sessionId, phoneNumber). Reload the page and try again.");
    }

    [Fact]
    public async Task WithoutTheShopsNumberNobodyCanAskToBeCalled()
    {
        await using var shop = await CallBackShop.StartAsync(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["CallBack:From"] = "" });
        (await shop.Customer.InvokeAsync<bool>("CanRequestCallBack", shop.SessionId)).Should().BeFalse();

        await HubAssertions.Refused(shop.Customer.InvokeAsync<long>("RequestCallBack", shop.SessionId, Typed), "This shop does not call customers back.");
    }
}
