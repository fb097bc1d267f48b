namespace PinCovisor.Web.Catalog;

/// <summary>Where the shop's products come from (section <c>Catalog</c>).</summary>
public sealed class CatalogOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Catalog";

    /// <summary>
    /// A local <c>.json</c> or <c>.csv</c> file (relative to the content root), or an http(s) URL.
    /// Empty: no catalog (searches find nothing).
    /// </summary>
    public string Feed { get; set; } = "";

    /// <summary>How often the feed is read again; a feed that fails keeps the last good products.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Largest feed read, in bytes; a bigger one is refused as a bad feed.</summary>
    public long MaxFeedBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>True when <see cref="Feed"/> is an http(s) URL rather than a file.</summary>
    public bool IsRemote(out Uri? uri) =>
        Uri.TryCreate(Feed, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
