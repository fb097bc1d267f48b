using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Catalog;

/// <summary>Fetches a remote feed. Retries and the time limit live in the HttpClient's resilience pipeline.</summary>
internal sealed class CatalogFeedClient(HttpClient http, IOptions<CatalogOptions> options)
{
    /// <exception cref="HttpRequestException">Unreachable, or answered with an error status.</exception>
    /// <exception cref="FormatException">Too big, or neither JSON nor CSV.</exception>
    public async Task<(string Text, FeedFormat Format)> FetchAsync(Uri feed, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(feed, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var format = CatalogFeedReader.FormatOf(feed.AbsolutePath) ?? FormatOf(response.Content.Headers.ContentType)
            ?? throw new FormatException("The feed is neither .json nor .csv, and its Content-Type names neither.");
        var max = options.Value.MaxFeedBytes;
        if (response.Content.Headers.ContentLength > max)
        {
            throw new FormatException($"The feed is larger than Catalog:MaxFeedBytes ({max} bytes).");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return (await CatalogFeedReader.ReadCappedAsync(stream, max, cancellationToken).ConfigureAwait(false), format);
        }
    }

    private static FeedFormat? FormatOf(MediaTypeHeaderValue? contentType) => contentType?.MediaType?.ToUpperInvariant() switch
    {
        "APPLICATION/JSON" or "TEXT/JSON" => FeedFormat.Json,
        "TEXT/CSV" or "APPLICATION/CSV" => FeedFormat.Csv,
        _ => null,
    };
}
