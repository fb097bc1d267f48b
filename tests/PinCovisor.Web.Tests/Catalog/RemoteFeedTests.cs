using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Catalog;

[Collection(RedisCollection.Name)]
public sealed class RemoteFeedTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task RemoteJsonFeedIsFetchedFromTheShopsServer()
    {
        await using var shop = await FeedServer.StartAsync();
        shop.Serve("""[{"id": "R-1", "title": "Mochila Verde"}]""", "application/json");
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["Catalog:Feed"] = shop.FeedUrl.ToString() });
        using var agent = MediaUploads.ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));

        var found = await CatalogFeedTests.SearchAsync(agent, "mochila");

        found.Select(p => p.Id).Should().Equal("R-1");
    }

    [Fact]
    public async Task RemoteCsvFeedIsRecognisedByItsContentType()
    {
        await using var shop = await FeedServer.StartAsync();
        shop.Serve("id,title\nR-2,Paraguas negro\n", "text/csv; charset=utf-8");
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["Catalog:Feed"] = shop.FeedUrl.ToString() });
        using var agent = MediaUploads.ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));

        (await CatalogFeedTests.SearchAsync(agent, "paraguas")).Select(p => p.Id).Should().Equal("R-2");
    }

    [Fact]
    public async Task BrokenFeedKeepsTheLastGoodProductsAndTheNextGoodOneReplacesThem()
    {
        await using var shop = await FeedServer.StartAsync();
        shop.Serve("""[{"id": "R-1", "title": "Mochila Verde"}]""", "application/json");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["Catalog:Feed"] = shop.FeedUrl.ToString(), ["Catalog:RefreshInterval"] = Interval.ToString() },
            services => services.AddSingleton<TimeProvider>(clock));
        using var agent = MediaUploads.ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));
        (await CatalogFeedTests.SearchAsync(agent, "mochila")).Should().HaveCount(1);

        shop.Serve("[{\"id\": \"R-1\", \"title\": ", "application/json");
        await AdvanceUntilAsync(clock, () => host.Logs.Lines.Any(l => l.Contains("rejected, keeping the 1 products", StringComparison.Ordinal)));
        var duringOutage = await CatalogFeedTests.SearchAsync(agent, "mochila");
        shop.Serve("""[{"id": "R-3", "title": "Mochila Azul"}]""", "application/json");
        await AdvanceUntilAsync(clock, () => host.Logs.Lines.Count(l => l.Contains("Catalog loaded from", StringComparison.Ordinal)) >= 2);
        var afterRepair = await CatalogFeedTests.SearchAsync(agent, "mochila");

        duringOutage.Select(p => p.Id).Should().Equal("R-1");
        afterRepair.Select(p => p.Id).Should().Equal("R-3");
    }

    // The refresher sleeps on the host's clock; step it until the next load has visibly happened.
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> done)
    {
        using var limit = new CancellationTokenSource(Timeout);
        while (!done())
        {
            clock.Advance(Interval);
            await Task.Delay(50, limit.Token);
        }
    }
}
