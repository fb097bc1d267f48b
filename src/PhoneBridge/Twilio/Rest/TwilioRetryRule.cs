using System.Net;
using System.Net.Sockets;

using Polly;
using Polly.Timeout;

namespace PhoneBridge.Twilio.Rest;

/// <summary>
/// Which failed REST requests are sent again. A request that reads (GET, HEAD, and the other
/// idempotent methods) is retried on any transient failure: a network error, a timed-out attempt,
/// 429 or any 5xx. A POST creates or changes something at Twilio (a text, a call, a redirect), and
/// a POST that may have reached Twilio is never sent twice: it is retried only when Twilio provably
/// did not act on it, that is when the connection could not be opened (refused, no route, name not
/// resolved: not one byte was sent) or when Twilio answered 429 (rate limited before acting).
/// A 500 or 503, a dropped connection or a timed-out attempt may come after Twilio queued the text
/// or placed the call, so the POST fails instead.
/// </summary>
internal static class TwilioRetryRule
{
    /// <summary>Whether the attempt that ended in <paramref name="outcome"/> may be sent again.</summary>
    public static bool ShouldRetry(HttpMethod method, Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Result is { } response)
        {
            return response.StatusCode == HttpStatusCode.TooManyRequests
                || (IsIdempotent(method) && (int)response.StatusCode >= 500);
        }

        return outcome.Exception switch
        {
            HttpRequestException e when WasNotSent(e) => true,
            HttpRequestException or TimeoutRejectedException => IsIdempotent(method),
            _ => false,
        };
    }

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;

    // Only failures to open the connection: a connection that closed mid-way may have carried the request.
    private static bool WasNotSent(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
        || e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };
}
