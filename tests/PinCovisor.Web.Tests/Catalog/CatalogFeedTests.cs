using System.Net;
using System.Net.Http.Json;
using System.Text;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Catalog;
using PinCovisor.Web.Tests.Ivr;
using PinCovisor.Web.Tests.Media;

namespace PinCovisor.Web.Tests.Catalog;

[Collection(RedisCollection.Name)]
public sealed class CatalogFeedTests(RedisServers servers) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("pb-catalog-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task JsonFeedSearchIgnoresCaseAndAccentsAndNeedsEveryWord()
    {
        var feed = Write("products.json", """
            [
              {"id": "B-1", "title": "Bolso Azul Marino", "price": 59.9, "currency": "eur",
               "imageUrl": "https://shop.example/b1.jpg", "pageUrl": "https://shop.example/b1"},
              {"id": "B-2", "title": "Bolso Rojo", "price": "45.00", "currency": "EUR"},
              {"id": 77, "title": "Camión de juguete"},
              {"id": "Z-9", "title": "Zapatilla azul cielo"}
            ]
            """);
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?> { ["Catalog:Feed"] = feed });
        using var agent = MediaUploads.ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));

        var bolsoAzul = await SearchAsync(agent, "bolso azul");
        var camion = await SearchAsync(agent, "CAMION");
        var azul = await SearchAsync(agent, "Azúl");

        bolsoAzul.Should().Equal(new Product("B-1", "Bolso Azul Marino", 59.9m, "EUR", "https://shop.example/b1.jpg", "https://shop.example/b1"));
        camion.Select(p => p.Id).Should().Equal("77");
        azul.Select(p => p.Id).Should().BeEquivalentTo("B-1", "Z-9");
        (await SearchAsync(agent, "bolso", limit: 1)).Should().HaveCount(1);
    }

    [Fact]
    public async Task CsvFeedWithQuotedCommasQuotesAndReorderedColumnsIsRead()
    {
        var feed = Write("products.csv", "\uFEFFtitle,id,pageUrl,price,currency,imageUrl\r\n"
            + "\"Cinturón \"\"Clásico\"\", piel\",C-1,https://shop.example/c1,29.5,EUR,\r\n"
            + "Gorra,C-2,,,,\n"
            + "\n");
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?> { ["Catalog:Feed"] = feed });
        using var agent = MediaUploads.ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));

        var found = await SearchAsync(agent, "cinturon clasico");
        var cap = await SearchAsync(agent, "gorra");

        found.Should().Equal(new Product("C-1", "Cinturón \"Clásico\", piel", 29.5m, "EUR", null, "https://shop.example/c1"));
        cap.Should().Equal(new Product("C-2", "Gorra", null, null, null, null));
    }

    [Fact]
    public async Task ProductsWithNonWebUrlsOrWithoutTitleAreLeftOutAndLogged()
    {
        var feed = Write("products.json", """
            [
              {"id": "ok", "title": "Pañuelo seda"},
              {"id": "xss", "title": "Pañuelo trampa", "pageUrl": "javascript:alert(1)"},
              {"id": "file", "title": "Pañuelo local", "imageUrl": "file:///etc/passwd"},
              {"id": "untitled"}
            ]
            """);
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?> { ["Catalog:Feed"] = feed });
        using var agent = MediaUploads.ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));

        var found = await SearchAsync(agent, "panuelo");

        found.Select(p => p.Id).Should().Equal("ok");
        host.Logs.Lines.Should().Contain(l => l.Contains("3 entries left out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdmittedCustomerFetchesAProductByIdButCannotSearch()
    {
        var feed = Write("products.json", """[{"id": "B-1", "title": "Bolso Azul Marino"}]""");
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?> { ["Catalog:Feed"] = feed });
        var session = await SessionSeeder.SeedAsync(host);
        using var customer = MediaUploads.ClientFor(host, session.CustomerToken);

        var product = await customer.GetFromJsonAsync<Product>("/api/catalog/B-1").WaitAsync(Timeout);
        using var unknown = await customer.GetAsync("/api/catalog/nope").WaitAsync(Timeout);
        using var search = await customer.GetAsync("/api/catalog/search?q=bolso").WaitAsync(Timeout);

        product!.Title.Should().Be("Bolso Azul Marino");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        search.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SearchWithoutQueryOrWithLimitOutOfRangeIsAValidationProblem()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        using var agent = MediaUploads.ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));

        using var noQuery = await agent.GetAsync("/api/catalog/search?q=%20").WaitAsync(Timeout);
        using var badLimit = await agent.GetAsync("/api/catalog/search?q=bolso&limit=0").WaitAsync(Timeout);

        await noQuery.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await badLimit.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task WithoutAFeedSearchFindsNothing()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        using var agent = MediaUploads.ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));

        (await SearchAsync(agent, "bolso")).Should().BeEmpty();
    }

    [Fact]
    public void FeedThatIsNeitherJsonNorCsvNorHttpStopsStartUp()
    {
        using var host = new PinCovisorHost(new Dictionary<string, string?> { ["Catalog:Feed"] = "ftp://shop.example/feed.xml" });

        var start = () => host.BaseAddress;

        start.Should().Throw<Exception>().Which.ToString().Should().Contain("Catalog:Feed must be a .json or .csv file, or an http(s) URL");
    }

    internal static async Task<List<Product>> SearchAsync(HttpClient agent, string query, int? limit = null)
    {
        var url = "/api/catalog/search?q=" + Uri.EscapeDataString(query) + (limit is { } l ? "&limit=" + l : "");
        return (await agent.GetFromJsonAsync<List<Product>>(url).WaitAsync(Timeout))!;
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
