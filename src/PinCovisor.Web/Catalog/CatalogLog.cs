namespace PinCovisor.Web.Catalog;

/// <summary>Catalog events (3740–3759). A remote feed is named by its host only: its URL may carry a key.</summary>
internal static partial class CatalogLog
{
    [LoggerMessage(3740, LogLevel.Information, "Catalog loaded from {Source} ({Format}): {Count} products")]
    public static partial void Loaded(this ILogger logger, string source, string format, int count);

    [LoggerMessage(3741, LogLevel.Warning, "Catalog feed {Source} rejected, keeping the {Kept} products loaded before: {Reason}")]
    public static partial void FeedRejected(this ILogger logger, string source, string reason, int kept);

    [LoggerMessage(3742, LogLevel.Warning, "Catalog feed {Source}: {Skipped} entries left out; first: {Reason}")]
    public static partial void EntriesSkipped(this ILogger logger, string source, int skipped, string reason);

    [LoggerMessage(3743, LogLevel.Information, "No Catalog:Feed configured; product search finds nothing")]
    public static partial void NoFeed(this ILogger logger);
}
