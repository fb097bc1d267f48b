using Microsoft.Extensions.Options;

namespace PhoneBridge.Twilio.Rest;

/// <summary>
/// Sends the SDK's requests for Twilio's REST API to <see cref="TwilioOptions.ApiBaseUrl"/>. The SDK
/// always addresses <c>https://api.twilio.com/…</c>, or <c>https://api.{edge}.{region}.twilio.com/…</c>
/// when an edge or region is set; only the scheme, host and port are replaced, and the base URL's path
/// is put in front of the request's own path and query, which are kept as they are.
/// </summary>
internal sealed class TwilioApiBaseHandler(IOptionsMonitor<TwilioOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string apiBase = options.CurrentValue.ApiBaseUrl;
        if (request.RequestUri is { } uri && !string.Equals(apiBase, TwilioOptions.DefaultApiBaseUrl, StringComparison.OrdinalIgnoreCase))
        {
            // Any other Twilio host would escape the configured base: a simulator or test must never reach Twilio itself.
            if (!IsRestApiHost(uri.Host))
            {
                throw new InvalidOperationException(
                    $"Only Twilio's REST API (api.twilio.com) can be served from Twilio:ApiBaseUrl; the request was for {uri.Host}");
            }

            request.RequestUri = new Uri(apiBase + uri.PathAndQuery);
        }

        return base.SendAsync(request, cancellationToken);
    }

    internal static bool IsRestApiHost(string host) =>
        host.Equals("api.twilio.com", StringComparison.OrdinalIgnoreCase)
        || (host.StartsWith("api.", StringComparison.OrdinalIgnoreCase) && host.EndsWith(".twilio.com", StringComparison.OrdinalIgnoreCase));
}
