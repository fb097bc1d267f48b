using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Catalog;

/// <summary>
/// Loads the feed at start-up and again every <see cref="CatalogOptions.RefreshInterval"/>. A feed
/// that cannot be read or parsed is logged and the previous products stay: a shop's broken export
/// must not empty the agents' search in the middle of calls.
/// </summary>
internal sealed class CatalogRefresher(
    FeedCatalog catalog, CatalogFeedReader reader, IOptions<CatalogOptions> options, TimeProvider time, ILogger<CatalogRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Feed))
        {
            logger.NoFeed();
            catalog.FirstLoadFailed();
            return;
        }

        var source = settings.IsRemote(out var uri) ? uri!.IdnHost : Path.GetFileName(settings.Feed);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await LoadOnceAsync(source, stoppingToken).ConfigureAwait(false);
                await Task.Delay(settings.RefreshInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One load; true when the products were replaced.</summary>
    internal async Task<bool> LoadOnceAsync(string source, CancellationToken cancellationToken = default)
    {
        try
        {
            var (text, format) = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var feed = CatalogFeedParser.Parse(text, format);
            if (feed.Skipped > 0)
            {
                logger.EntriesSkipped(source, feed.Skipped, feed.FirstSkipReason!);
            }

            catalog.Replace(new CatalogSnapshot(feed.Products));
            logger.Loaded(source, format.ToString(), feed.Products.Count);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong with the feed (unreadable file, HTTP error, time-out, bad JSON),
            // the catalog keeps serving; a background service that throws would stop the host.
            logger.FeedRejected(source, e.Message, catalog.Current.Count);
            catalog.FirstLoadFailed();
            return false;
        }
    }
}
