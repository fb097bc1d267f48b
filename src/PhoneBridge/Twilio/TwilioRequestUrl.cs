using System.Net.Http.Headers;
using System.Text;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PhoneBridge.Twilio;

/// <summary>
/// Rebuilds the URL Twilio signed from the request this server received.
/// </summary>
/// <remarks>
/// The URL is <c>{scheme}://{host}{raw target}</c>. Behind a proxy, scheme and host must already be
/// the public ones: the host configures ASP.NET's ForwardedHeaders middleware (X-Forwarded-Proto/Host)
/// ahead of the endpoints. When that cannot express the public URL (a path prefix the proxy strips),
/// <c>Twilio:BaseUrlOverride</c> replaces scheme and host: <c>{override}{raw target}</c>.
/// The SDK's validator tries each URL as given, then once more with its port removed, or with the
/// default port added when it names none. A URL that names the default port (<c>:443</c>, <c>:80</c>)
/// would only be tried with it, so it is given to the validator without the port as well.
/// </remarks>
internal static class TwilioRequestUrl
{
    /// <summary>The URLs Twilio may have signed for this request (see <see cref="Candidates(string, string?)"/>).</summary>
    public static List<string> Candidates(HttpRequest request, string? baseUrlOverride) =>
        Candidates(ReceivedOrigin(request, baseUrlOverride) + RawTarget(request), BasicCredentials(request));

    /// <summary>
    /// The URLs to check for a request to <paramref name="url"/>: the URL without a default port,
    /// the URL as received when it wrote one, and each with <paramref name="userInfo"/> (Basic-auth
    /// credentials, <c>user:password</c>) put back in front of the host.
    /// </summary>
    public static List<string> Candidates(string url, string? userInfo)
    {
        // The validator adds the default port through System.Uri, which rewrites some URLs (%7E
        // becomes ~); a signature made over ":443" stays exact against the URL as received.
        string withoutDefaultPort = WithoutDefaultPort(url);
        List<string> urls = withoutDefaultPort == url ? [url] : [withoutDefaultPort, url];

        // Twilio turns https://user:pass@host/ into Basic auth but signs the URL with the credentials in it.
        if (userInfo is not null)
        {
            urls.AddRange([.. urls.Select(u => InsertUserInfo(u, userInfo)).OfType<string>()]);
        }

        return urls;
    }

    /// <summary><c>scheme://host</c> as this server sees it, or the configured override, without a default port.</summary>
    public static string Origin(HttpRequest request, string? baseUrlOverride) =>
        WithoutDefaultPort(ReceivedOrigin(request, baseUrlOverride));

    /// <summary>
    /// <paramref name="url"/> without its port when that is written exactly as the scheme's default
    /// (<c>https://h:443/x</c> becomes <c>https://h/x</c>); any other URL unchanged.
    /// </summary>
    public static string WithoutDefaultPort(string url)
    {
        string? defaultPort = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? ":443"
            : url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? ":80"
            : null;
        if (defaultPort is null)
        {
            return url;
        }

        (int start, int end) = Authority(url);
        return url.AsSpan(start, end - start).EndsWith(defaultPort, StringComparison.Ordinal)
            ? url.Remove(end - defaultPort.Length, defaultPort.Length)
            : url;
    }

    /// <summary><see cref="Origin"/> without any userinfo, fit for a log line.</summary>
    public static string OriginForLog(HttpRequest request, string? baseUrlOverride) =>
        Uri.TryCreate(Origin(request, baseUrlOverride), UriKind.Absolute, out Uri? uri)
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : "(unparseable)";

    // The host as it is written on the wire: HostString.Value would turn an IDN host sent as
    // xn--bcher-kva.de into bücher.de, which Twilio did not sign.
    private static string ReceivedOrigin(HttpRequest request, string? baseUrlOverride) =>
        baseUrlOverride ?? $"{request.Scheme}://{request.Host.ToUriComponent()}";

    // The raw target is the exact bytes of the request line, so percent-encoding and the query
    // string are as Twilio sent them; the decoded Path/QueryString would not round-trip.
    private static string RawTarget(HttpRequest request)
    {
        string? raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return raw is { Length: > 0 } && raw[0] == '/'
            ? raw
            : request.PathBase.ToUriComponent() + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
    }

    private static string? BasicCredentials(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out AuthenticationHeaderValue? header)
            || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return null;
        }

        byte[] decoded = new byte[header.Parameter.Length];
        return Convert.TryFromBase64String(header.Parameter, decoded, out int length)
            ? Encoding.UTF8.GetString(decoded, 0, length)
            : null;
    }

    private static string? InsertUserInfo(string url, string userInfo)
    {
        (int start, int end) = Authority(url);
        return start < 3 || url.AsSpan(start, end - start).Contains('@') ? null : url.Insert(start, userInfo + "@");
    }

    // Where the authority of an absolute URL runs: from after "://" to the first '/', '?' or '#'.
    // Start is below 3 when the URL has no "://".
    private static (int Start, int End) Authority(string url)
    {
        int start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        int end = start < 3 ? start : url.IndexOfAny(['/', '?', '#'], start);
        return (start, end < 0 ? url.Length : end);
    }
}
