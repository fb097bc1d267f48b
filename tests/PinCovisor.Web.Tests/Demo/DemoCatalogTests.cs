using System.Net;
using System.Net.Http.Json;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Catalog;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Demo;

[Collection(RedisCollection.Name)]
public sealed class DemoCatalogTests(RedisServers servers) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("pb-demo-catalog-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TheDemoShopsProductsAreSearchableAndTheirPicturesAreServedByThisHost()
    {
        await using var host = HostFactory.StartDemo(servers, new Dictionary<string, string?> { ["Catalog:Feed"] = "wwwroot/demo/catalog.json" });
        using var agent = MediaUploads.ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));

        var lamps = await agent.GetFromJsonAsync<List<Product>>("/api/catalog/search?q=lampara").WaitAsync(Timeout);
        var all = await agent.GetFromJsonAsync<List<Product>>("/api/catalog/search?q=aurora&limit=100").WaitAsync(Timeout);

        lamps.Should().NotBeEmpty();
        all.Should().HaveCountGreaterThanOrEqualTo(5).And.OnlyContain(p => p.ImageUrl!.StartsWith("/demo/", StringComparison.Ordinal) && p.Currency == "EUR");
        foreach (var product in all!)
        {
            using var picture = await agent.GetAsync(product.ImageUrl).WaitAsync(Timeout);
            picture.StatusCode.Should().Be(HttpStatusCode.OK, product.ImageUrl);
            picture.Content.Headers.ContentType!.MediaType.Should().StartWith("image/");
        }
    }

    [Fact]
    public async Task AFeedMayNamePicturesByAPathOnThisHostButNotByOneThatLeavesIt()
    {
        var feed = Path.Combine(_folder, "products.json");
        await File.WriteAllTextAsync(feed, """
            [
              {"id": "path", "title": "Jarra local", "imageUrl": "/img/jarra.png", "pageUrl": "/shop/jarra"},
              {"id": "other-host", "title": "Jarra ajena", "imageUrl": "//evil.example/jarra.png"},
              {"id": "backslash", "title": "Jarra torcida", "imageUrl": "/\\evil.example/jarra.png"}
            ]
            """);
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?> { ["Catalog:Feed"] = feed });
        using var agent = MediaUploads.ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));

        var found = await agent.GetFromJsonAsync<List<Product>>("/api/catalog/search?q=jarra").WaitAsync(Timeout);

        found.Should().Equal(new Product("path", "Jarra local", null, null, "/img/jarra.png", "/shop/jarra"));
    }
}
