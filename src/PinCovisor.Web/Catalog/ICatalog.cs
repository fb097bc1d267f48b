namespace PinCovisor.Web.Catalog;

/// <summary>A product of the shop's feed, as shared in a session.</summary>
/// <param name="Id">The shop's product id.</param>
/// <param name="Title">Its name.</param>
/// <param name="Price">Its price, if the feed gives one.</param>
/// <param name="Currency">ISO 4217 code (upper case), if given.</param>
/// <param name="ImageUrl">An absolute http(s) URL of its picture, if given.</param>
/// <param name="PageUrl">An absolute http(s) URL of its page in the shop, if given.</param>
public sealed record Product(string Id, string Title, decimal? Price, string? Currency, string? ImageUrl, string? PageUrl);

/// <summary>The shop's product catalog (a JSON or CSV feed).</summary>
public interface ICatalog
{
    /// <summary>The product with this id, or null. Waits for the feed's first load.</summary>
    Task<Product?> FindAsync(string productId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Products whose title or id contains every word of <paramref name="query"/> (ignoring case and
    /// accents), best first, at most <paramref name="limit"/>. Waits for the feed's first load.
    /// </summary>
    Task<IReadOnlyList<Product>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default);
}
