using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PinCovisor.EndToEnd.Browser;

namespace PinCovisor.EndToEnd.Pages;

/// <summary>What the Development host's catalog feed (<c>Catalog:Feed</c>, a JSON file) offers to search for.</summary>
public static class DemoCatalog
{
    /// <summary>A search word that finds the feed's first product with a picture.</summary>
    public static string SearchWordForAProductWithAPicture(DevelopmentSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var feed = site.Configuration["Catalog:Feed"];
        if (string.IsNullOrEmpty(feed) || !feed.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Development's Catalog:Feed is '{feed}'; the scenario needs a JSON feed file.");
        }

        var root = site.Host.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, feed)));
        foreach (var product in document.RootElement.EnumerateArray())
        {
            var fields = product.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);
            if (fields.TryGetValue("title", out var title) && fields.TryGetValue("imageUrl", out var image)
                && image.ValueKind == JsonValueKind.String)
            {
                return title.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
            }
        }

        throw new InvalidOperationException($"No product with an imageUrl in {feed}.");
    }
}
