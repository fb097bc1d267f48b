namespace PinCovisor.Web.Catalog;

/// <summary>A product of the shop's feed, as shared in a session.</summary>
/// <param name="Id">The shop's product id.</param>
/// <param name="Title">Its name.</param>
/// <param name="Price">Its price, if the feed gives one.</param>
/// <param name="Currency">ISO 4217 code (upper case), if given.</param>
/// <param name="ImageUrl">An absolute http(s) URL of its picture, if given.</param>
/// <param name="PageUrl">An absolute http(s) URL of its page in the shop, if given.</param>
public sealed record Product(string Id, string Title, decimal? Price, string? Currency, string? ImageUrl, string? PageUrl);

