namespace PinCovisor.Web.Orders;

/// <summary>Where the shop's orders are looked up (section <c>Orders:Source</c>).</summary>
public sealed class OrderSourceOptions
{
    /// <summary><c>None</c> (default): no lookups; <c>Http</c>: the shop's JSON API; <c>File</c>: a local JSON or CSV file.</summary>
    public OrderSourceKind Kind { get; set; } = OrderSourceKind.None;

    /// <summary>Http: an absolute http(s) URL with <c>{number}</c>, replaced by the order number URL-escaped.</summary>
    public string? UrlTemplate { get; set; }

    /// <summary>Http: a header sent with every lookup (e.g. <c>Authorization</c>); empty: none.</summary>
    public string? HeaderName { get; set; }

    /// <summary>Http: the header's value, a secret: never logged.</summary>
    public string? HeaderValue { get; set; }

    /// <summary>Http: how long one lookup may take before the source counts as down.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a found order is kept in this host's memory; zero: not kept.</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an order the source does not know is remembered as unknown (never longer than <see cref="CacheFor"/>).</summary>
    public TimeSpan NotFoundCacheFor { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>File: a <c>.json</c> or <c>.csv</c> file, relative to the content root.</summary>
    public string? Path { get; set; }
}

/// <summary>The kinds of order source.</summary>
public enum OrderSourceKind
{
    /// <summary>No order source.</summary>
    None,

    /// <summary>The shop's HTTP JSON API, one order per request.</summary>
    Http,

    /// <summary>A local JSON or CSV file, read at start.</summary>
    File,
}
