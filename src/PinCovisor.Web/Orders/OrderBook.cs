using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Orders;

/// <summary>
/// The configured order source behind a cache in this host's memory (not Redis: an order is the
/// shop's data, kept no longer and no further than needed). Found orders are kept
/// <see cref="OrderSourceOptions.CacheFor"/>, unknown numbers <see cref="OrderSourceOptions.NotFoundCacheFor"/>,
/// an unavailable source not at all.
/// </summary>
internal sealed class OrderBook(IOptions<OrdersOptions> options, IServiceProvider services) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <summary>False when <c>Orders:Source:Kind</c> is <c>None</c>.</summary>
    public bool IsConfigured => options.Value.Source.Kind != OrderSourceKind.None;

    public async Task<OrderLookup> FindAsync(string number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (_cache.TryGetValue(number, out OrderLookup? cached))
        {
            return cached!;
        }

        var source = options.Value.Source;
        IOrderSource reader = source.Kind switch
        {
            OrderSourceKind.Http => services.GetRequiredService<HttpOrderSource>(),
            OrderSourceKind.File => services.GetRequiredService<FileOrderSource>(),
            _ => throw new InvalidOperationException("There is no order source (Orders:Source:Kind is None)."),
        };
        var found = await reader.FindAsync(number, cancellationToken).ConfigureAwait(false);
        var keep = found.Outcome switch
        {
            OrderLookupOutcome.Found => source.CacheFor,
            OrderLookupOutcome.NotFound => source.NotFoundCacheFor < source.CacheFor ? source.NotFoundCacheFor : source.CacheFor,
            _ => TimeSpan.Zero,
        };
        if (keep > TimeSpan.Zero)
        {
            _cache.Set(number, found, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = keep, Size = 1 });
        }

        return found;
    }

    public void Dispose() => _cache.Dispose();
}
