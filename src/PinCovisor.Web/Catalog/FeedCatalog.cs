namespace PinCovisor.Web.Catalog;

/// <summary>
/// The catalog as last loaded by <see cref="CatalogRefresher"/>. Readers see one whole snapshot or
/// the next, never a half-loaded feed; until the first load has been tried they wait for it.
/// </summary>
internal sealed class FeedCatalog
{
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile CatalogSnapshot _current = CatalogSnapshot.Empty;

    public CatalogSnapshot Current => _current;

    /// <summary>The product with this id, or null. Waits for the feed's first load.</summary>
    public async Task<Product?> FindAsync(string productId, CancellationToken cancellationToken = default)
    {
        await _firstLoad.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _current.Find(productId);
    }

    /// <summary>
    /// Products whose title or id contains every word of <paramref name="query"/> (ignoring case and
    /// accents), best first, at most <paramref name="limit"/>. Waits for the feed's first load.
    /// </summary>
    public async Task<IReadOnlyList<Product>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await _firstLoad.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _current.Search(query, limit);
    }

    /// <summary>Replaces the products (a good load).</summary>
    public void Replace(CatalogSnapshot snapshot)
    {
        _current = snapshot;
        _firstLoad.TrySetResult();
    }

    /// <summary>The first load was tried and failed: stop making readers wait, with no products.</summary>
    public void FirstLoadFailed() => _firstLoad.TrySetResult();
}
