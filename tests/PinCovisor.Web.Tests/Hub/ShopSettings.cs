using System.Text.Json;

namespace PinCovisor.Web.Tests.Hub;

/// <summary>Settings that give a test host a shop: one configured video and a small catalog feed.</summary>
internal static class ShopSettings
{
    public const string VideoId = "strap-demo";
    public const string StrapId = "sku-strap";
    public const string NoPictureId = "sku-voucher";

    /// <summary>The shop's settings with <paramref name="settings"/> on top.</summary>
    public static Dictionary<string, string?> With(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["VideoHosts:Allowed:0"] = "videos.example",
            ["Videos:0:Id"] = VideoId,
            ["Videos:0:Title"] = "How to fit the strap",
            ["Videos:0:Url"] = "https://videos.example/strap.mp4",
            ["Catalog:Feed"] = WriteFeed(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }

    private static string WriteFeed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"catalog-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new object[]
        {
            new
            {
                id = StrapId, title = "Blue leather strap", price = 39.9, currency = "EUR",
                imageUrl = "https://shop.example/img/strap.jpg", pageUrl = "https://shop.example/strap",
            },
            new { id = NoPictureId, title = "=HYPERLINK(\"http://evil.example\")", price = 10, currency = "EUR" },
        }));
        return path;
    }
}
