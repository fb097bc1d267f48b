using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Orders;

/// <summary>
/// Asks the shop's JSON API for one order: GET of <see cref="OrderSourceOptions.UrlTemplate"/>
/// with the configured header. 200 with a usable order is found, 404 is not found; anything else
/// (another status, a timeout, an unreadable body) is unavailable, never an error to the agent.
/// </summary>
internal sealed class HttpOrderSource(IHttpClientFactory clients, IOptions<OrdersOptions> options, ILogger<HttpOrderSource> logger) : IOrderSource
{
    public const string ClientName = "orders";

    /// <summary>Largest answer read, in bytes: one order, not a catalogue.</summary>
    public const int MaxAnswerBytes = 1024 * 1024;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<OrderLookup> FindAsync(string number, CancellationToken cancellationToken = default)
    {
        var source = options.Value.Source;
        using var request = new HttpRequestMessage(HttpMethod.Get, UrlFor(source.UrlTemplate!, number));
        if (!string.IsNullOrWhiteSpace(source.HeaderName))
        {
            request.Headers.TryAddWithoutValidation(source.HeaderName, source.HeaderValue);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(source.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, limit.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return OrderLookup.NotFound;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                OrdersLog.SourceRefused(logger, (int)response.StatusCode);
                return OrderLookup.Unavailable;
            }

            var order = await response.Content.ReadFromJsonAsync<Order>(Json, limit.Token).ConfigureAwait(false);
            if (order is not { IsComplete: true })
            {
                OrdersLog.SourceMalformed(logger, "the order lacks number, status, currency or items");
                return OrderLookup.Unavailable;
            }

            return OrderLookup.Found(order);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            OrdersLog.SourceTimedOut(logger, source.Timeout);
            return OrderLookup.Unavailable;
        }
        catch (HttpRequestException e)
        {
            OrdersLog.SourceUnreachable(logger, e.Message);
            return OrderLookup.Unavailable;
        }
        catch (JsonException e)
        {
            OrdersLog.SourceMalformed(logger, e.Message);
            return OrderLookup.Unavailable;
        }
    }

    /// <summary>The template with <c>{number}</c> replaced by the URL-escaped number.</summary>
    public static Uri UrlFor(string template, string number) =>
        new(template.Replace("{number}", Uri.EscapeDataString(number), StringComparison.Ordinal), UriKind.Absolute);

    /// <summary>Null when the template makes an http(s) URL, else a message naming the key.</summary>
    public static string? Validate(string? template)
    {
        if (string.IsNullOrWhiteSpace(template) || !template.Contains("{number}", StringComparison.Ordinal))
        {
            return "Orders:Source:UrlTemplate must be an http(s) URL containing {number}";
        }

        return Uri.TryCreate(template.Replace("{number}", "AB-123456", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : "Orders:Source:UrlTemplate must be an http(s) URL containing {number}";
    }
}
