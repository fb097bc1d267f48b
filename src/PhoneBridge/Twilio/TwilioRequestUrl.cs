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
/// </remarks>
internal static class TwilioRequestUrl
{
    /// <summary>The URL to check, and the same URL with Basic-auth credentials as userinfo if the request carries them.</summary>
    public static List<string> Candidates(HttpRequest request, string? baseUrlOverride)
    {
        string url = Origin(request, baseUrlOverride) + RawTarget(request);
        List<string> urls = [url];

        // Twilio turns https://user:pass@host/ into Basic auth but signs the URL with the credentials in it.
        if (BasicCredentials(request) is string userInfo && InsertUserInfo(url, userInfo) is string withUserInfo)
        {
            urls.Add(withUserInfo);
        }

        return urls;
    }

    /// <summary><c>scheme://host</c> as this server sees it, or the configured override.</summary>
    public static string Origin(HttpRequest request, string? baseUrlOverride) =>
        baseUrlOverride ?? $"{request.Scheme}://{request.Host.Value}";

    /// <summary><see cref="Origin"/> without any userinfo, fit for a log line.</summary>
    public static string OriginForLog(HttpRequest request, string? baseUrlOverride) =>
        Uri.TryCreate(Origin(request, baseUrlOverride), UriKind.Absolute, out Uri? uri)
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : "(unparseable)";

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
        int authorityStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        int authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        bool hasUserInfo = url.AsSpan(authorityStart, (authorityEnd < 0 ? url.Length : authorityEnd) - authorityStart).Contains('@');
        return authorityStart < 3 || hasUserInfo ? null : url.Insert(authorityStart, userInfo + "@");
    }
}
