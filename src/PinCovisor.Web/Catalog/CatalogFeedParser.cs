using System.Globalization;
using System.Text.Json;

namespace PinCovisor.Web.Catalog;

/// <summary>The two feed formats.</summary>
internal enum FeedFormat
{
    Json,
    Csv,
}

/// <summary>What a feed held: the usable products, and how many entries were left out and why.</summary>
internal sealed record ParsedFeed(IReadOnlyList<Product> Products, int Skipped, string? FirstSkipReason);

/// <summary>
/// Turns a feed into products: a JSON array of objects, or CSV whose header names the columns,
/// both with the fields id, title, price, currency, imageUrl, pageUrl (names matched case-insensitively).
/// An entry without id or title, with a bad price or currency, a repeated id, or a URL that is neither
/// absolute http(s) nor a path on this host (<c>/img/b1.jpg</c>) is left out (a <c>javascript:</c>
/// link must never reach a product card).
/// </summary>
internal static class CatalogFeedParser
{
    private static readonly string[] Columns = ["id", "title", "price", "currency", "imageUrl", "pageUrl"];

    /// <exception cref="FormatException">The feed as a whole cannot be read.</exception>
    public static ParsedFeed Parse(string text, FeedFormat format) => Collect(format == FeedFormat.Json ? ReadJson(text) : ReadCsv(text));

    private static List<Dictionary<string, string?>> ReadJson(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new FormatException("The JSON feed does not parse: " + e.Message, e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("A JSON feed is an array of products.");
            }

            var items = new List<Dictionary<string, string?>>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                if (element.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in element.EnumerateObject())
                    {
                        fields[property.Name] = property.Value.ValueKind switch
                        {
                            JsonValueKind.String => property.Value.GetString(),
                            JsonValueKind.Number => property.Value.GetRawText(),
                            _ => null,
                        };
                    }
                }

                items.Add(fields);
            }

            return items;
        }
    }

    private static List<Dictionary<string, string?>> ReadCsv(string text)
    {
        var rows = CsvTable.Parse(text);
        if (rows.Count == 0)
        {
            throw new FormatException("The CSV feed is empty.");
        }

        var header = rows[0].Select(h => h.Trim()).ToArray();
        if (!header.Contains("id", StringComparer.OrdinalIgnoreCase) || !header.Contains("title", StringComparer.OrdinalIgnoreCase))
        {
            throw new FormatException("The CSV feed's header must name at least the columns id and title.");
        }

        return rows.Skip(1).Select(row =>
        {
            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length && i < row.Length; i++)
            {
                fields[header[i]] = row[i];
            }

            return fields;
        }).ToList();
    }

    private static ParsedFeed Collect(IEnumerable<Dictionary<string, string?>> items)
    {
        var products = new List<Product>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var skipped = 0;
        string? firstReason = null;
        var index = 0;
        foreach (var fields in items)
        {
            index++;
            var reason = ToProduct(fields, out var product);
            if (reason is null && !ids.Add(product!.Id))
            {
                reason = "its id is used by an earlier product";
            }

            if (reason is null)
            {
                products.Add(product!);
            }
            else
            {
                skipped++;
                firstReason ??= $"entry {index}: {reason}";
            }
        }

        return new ParsedFeed(products, skipped, firstReason);
    }

    private static string? ToProduct(Dictionary<string, string?> fields, out Product? product)
    {
        product = null;
        string? Get(string name) => fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var (id, title, priceText, currency, imageUrl, pageUrl) =
            (Get(Columns[0]), Get(Columns[1]), Get(Columns[2]), Get(Columns[3]), Get(Columns[4]), Get(Columns[5]));
        if (id is null || id.Length > 128 || title is null)
        {
            return "id and title are required (id at most 128 characters)";
        }

        decimal? price = null;
        if (priceText is not null)
        {
            if (!decimal.TryParse(priceText, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) || parsed < 0)
            {
                return "price is not a non-negative number (use '.' for decimals)";
            }

            price = parsed;
        }

        if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetter)))
        {
            return "currency is not a three-letter code";
        }

        if (!IsWebUrl(imageUrl) || !IsWebUrl(pageUrl))
        {
            return "imageUrl and pageUrl must be absolute http or https URLs, or paths on this host";
        }

        product = new Product(id, title, price, currency?.ToUpperInvariant(), imageUrl, pageUrl);
        return null;
    }

    private static bool IsWebUrl(string? url) =>
        url is null
        || IsPathOnThisHost(url)
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));

    // A path such as /img/b1.jpg is resolved by the pages against this host, like the media URLs
    // the hub shares, so a feed served next to its pictures works on whatever address the host has.
    // "//host/x" and "/\host/x" would leave the host; they stay refused.
    private static bool IsPathOnThisHost(string url) =>
        url.Length > 1 && url[0] == '/' && url[1] is not ('/' or '\\')
        && Uri.TryCreate(url, UriKind.Relative, out _) && !url.Any(char.IsControl);
}
