using System.Text;
using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Catalog;

/// <summary>Reads the configured feed's text, from a file or over HTTP, never more than <see cref="CatalogOptions.MaxFeedBytes"/>.</summary>
internal sealed class CatalogFeedReader(IOptions<CatalogOptions> options, IHostEnvironment environment, IServiceProvider services)
{
    /// <exception cref="FormatException">Too big or of an unknown format.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="HttpRequestException">The URL cannot be fetched.</exception>
    public async Task<(string Text, FeedFormat Format)> ReadAsync(CancellationToken cancellationToken = default)
    {
        var catalog = options.Value;
        if (catalog.IsRemote(out var uri))
        {
            // Resolved per read: the typed client is transient, its handler pooled by the factory.
            var client = services.GetRequiredService<CatalogFeedClient>();
            return await client.FetchAsync(uri!, cancellationToken).ConfigureAwait(false);
        }

        var path = Path.GetFullPath(catalog.Feed, environment.ContentRootPath);
        var format = FormatOf(path) ?? throw new FormatException("Catalog:Feed must be a .json or .csv file, or an http(s) URL.");
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return (await ReadCappedAsync(stream, catalog.MaxFeedBytes, cancellationToken).ConfigureAwait(false), format);
        }
    }

    /// <summary>JSON or CSV by a path's extension; null for any other.</summary>
    public static FeedFormat? FormatOf(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".JSON" => FeedFormat.Json,
        ".CSV" => FeedFormat.Csv,
        _ => null,
    };

    /// <summary>UTF-8 text of at most <paramref name="max"/> bytes.</summary>
    /// <exception cref="FormatException">The stream holds more.</exception>
    public static async Task<string> ReadCappedAsync(Stream stream, long max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new FormatException($"The feed is larger than Catalog:MaxFeedBytes ({max} bytes).");
            }

            buffer.Write(chunk, 0, read);
        }

        // Spreadsheets save UTF-8 with a byte order mark; neither parser wants it.
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
    }
}
