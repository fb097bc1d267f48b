namespace PinCovisor.Web.Catalog;

/// <summary>A product of the shop's feed, as shared in a session.</summary>
public sealed record Product(string Id, string Title, decimal? Price, string? Currency, string? ImageUrl, string? PageUrl);

/// <summary>The shop's product catalog (a JSON or CSV feed).</summary>
public interface ICatalog
{
    Task<Product?> FindAsync(string productId, CancellationToken cancellationToken = default);

    /// <summary>Products whose title or id contains every word of <paramref name="query"/>, best first.</summary>
    Task<IReadOnlyList<Product>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default);
}
