using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Http;
using Polly.Timeout;

namespace PhoneBridge.Twilio.Rest;

/// <summary>
/// <see cref="ITwilioMedia"/> over the "twilio" HttpClient (rebased to <c>Twilio:ApiBaseUrl</c> or a
/// stand-in, retried and bounded as every REST call) for Twilio's own hop, and a plain client without
/// credentials for the signed CDN URL Twilio redirects to.
/// </summary>
internal sealed partial class TwilioMediaClient(
    IHttpClientFactory httpClients,
    IOptionsMonitor<TwilioOptions> options,
    IEnumerable<ITwilioApiStandIn> standIns,
    ILogger<TwilioMediaClient> logger) : ITwilioMedia
{
    /// <summary>The HttpClient that follows Twilio's redirect: no credentials, no redirects of its own.</summary>
    public const string CdnClientName = "twilio-media-cdn";

    private const int MaxRedirects = 3;

    public async Task<TwilioMediaDownload> DownloadAsync(string url, long maxBytes, CancellationToken cancellationToken = default)
    {
        var twilio = options.CurrentValue;
        if (Canonical(url, twilio) is not { } canonical)
        {
            TwilioRestLog.MediaNotFetched(logger, "not this account's media on Twilio's API", null);
            return new(TwilioMediaOutcome.NotTwilio, [], null);
        }

        try
        {
            using var api = httpClients.CreateClient(TwilioRest.HttpClientName);
            using var cdn = httpClients.CreateClient(CdnClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, canonical);
            request.Headers.Authorization = Credentials(twilio);
            var response = await api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            for (var hop = 0; IsRedirect(response.StatusCode); hop++)
            {
                var from = response.RequestMessage?.RequestUri ?? canonical;
                var location = response.Headers.Location;
                response.Dispose();
                var next = location is null ? null : new Uri(from, location);
                if (hop == MaxRedirects || next is null || !MayFollow(from, next))
                {
                    TwilioRestLog.MediaNotFetched(logger, "redirected where media may not come from", null);
                    return new(TwilioMediaOutcome.Failed, [], null);
                }

                // No Authorization header: the account's token is for Twilio's API alone.
                response = await cdn.GetAsync(next, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }

            using (response)
            {
                return await ReadAsync(response, maxBytes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or IOException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            TwilioRestLog.MediaNotFetched(logger, e.GetType().Name, null);
            return new(TwilioMediaOutcome.Failed, [], null);
        }
    }

    public async Task<bool> DeleteAsync(string url, CancellationToken cancellationToken = default)
    {
        var twilio = options.CurrentValue;
        if (Canonical(url, twilio) is not { } canonical)
        {
            return false;
        }

        try
        {
            using var api = httpClients.CreateClient(TwilioRest.HttpClientName);
            // The media resource itself answers with the bytes; its JSON form is the one that is deleted.
            using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(canonical + ".json"));
            request.Headers.Authorization = Credentials(twilio);
            using var response = await api.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                TwilioRestLog.Refused(logger, "Media delete", (int)response.StatusCode, 0);
            }

            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            TwilioRestLog.Unreachable(logger, "Media delete", e.GetType().Name);
            return false;
        }
    }

    /// <summary>
    /// <c>https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}/Media/{Sid}</c> for a URL of
    /// this account's media under Twilio's API, <c>Twilio:ApiBaseUrl</c> or a stand-in; null for any other URL.
    /// </summary>
    internal Uri? Canonical(string url, TwilioOptions twilio)
    {
        if (string.IsNullOrEmpty(twilio.AccountSid) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return null;
        }

        var target = uri.GetLeftPart(UriPartial.Path);
        string?[] bases = [TwilioOptions.DefaultApiBaseUrl, twilio.ApiBaseUrl, .. standIns.Select(s => s.BaseUrl)];
        foreach (var prefix in bases.OfType<string>().Select(Normalise).OfType<string>())
        {
            if (target.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase)
                && MediaPath().Match(target[prefix.Length..]) is { Success: true } path
                && string.Equals(path.Groups["account"].Value, twilio.AccountSid, StringComparison.Ordinal))
            {
                return new Uri(TwilioOptions.DefaultApiBaseUrl + path.Value);
            }
        }

        return null;
    }

    private static string? Normalise(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : null;

    // Twilio's CDN is https; plain http only from a stand-in on loopback to loopback (Development, tests).
    private static bool MayFollow(Uri from, Uri next) =>
        next.UserInfo.Length == 0
        && (next.Scheme == Uri.UriSchemeHttps || (next.Scheme == Uri.UriSchemeHttp && next.IsLoopback && from.IsLoopback));

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static AuthenticationHeaderValue Credentials(TwilioOptions twilio) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));

    private async Task<TwilioMediaDownload> ReadAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            TwilioRestLog.MediaNotFetched(logger, "refused", (int)response.StatusCode);
            return new(TwilioMediaOutcome.Failed, [], null);
        }

        // The announced length saves reading a body that is too large; the count while reading is what holds.
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return new(TwilioMediaOutcome.TooLarge, [], null);
        }

        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            return await CappedBody.ReadAsync(body, maxBytes, cancellationToken).ConfigureAwait(false) is { } data
                ? new(TwilioMediaOutcome.Fetched, data, response.Content.Headers.ContentType?.MediaType)
                : new(TwilioMediaOutcome.TooLarge, [], null);
        }
    }

    [GeneratedRegex("^/2010-04-01/Accounts/(?<account>AC[0-9a-fA-F]{32})/Messages/[A-Za-z0-9]{2,64}/Media/[A-Za-z0-9]{2,64}$")]
    private static partial Regex MediaPath();
}
