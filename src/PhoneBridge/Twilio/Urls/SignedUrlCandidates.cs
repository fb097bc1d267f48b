namespace PhoneBridge.Twilio.Urls;

/// <summary>
/// The URLs the Twilio Node helper's <c>validateRequest</c> tries, in its order: the URL as
/// received without and with a port, then Node's normalised form (<c>new URL()</c>) without and
/// with a port, then those two with the query rewritten by the legacy <c>querystring</c> module.
/// </summary>
internal static class SignedUrlCandidates
{
    /// <summary>Yields the candidates lazily; stops after the first two if <paramref name="url"/> does not parse (Node throws there).</summary>
    public static IEnumerable<string> For(string url)
    {
        yield return RemovePort(url);
        yield return AddPort(url);

        string? normalized = WhatwgUrl.TryParse(url)?.Href;
        if (normalized is null)
        {
            yield break;
        }

        string withoutPort = RemovePort(normalized);
        string withPort = AddPort(normalized);
        yield return withoutPort;
        yield return withPort;
        yield return LegacyQueryString.Rewrite(withoutPort);
        yield return LegacyQueryString.Rewrite(withPort);
    }

    /// <summary>
    /// Adds ":443" (https) or ":80" (any other scheme) when the URL names no port; a URL that
    /// already has one, even a non-default one, is returned unchanged.
    /// </summary>
    public static string AddPort(string url)
    {
        if (!TrySplit(url, out Parts parts) || parts.Port.Length > 0)
        {
            return url;
        }

        string port = parts.Scheme.Equals("https://", StringComparison.OrdinalIgnoreCase) ? ":443" : ":80";
        return string.Concat(parts.Scheme, parts.UserInfo, parts.Host, port) + parts.Rest;
    }

    /// <summary>Removes whatever port the URL names, default or not (":8080" goes too).</summary>
    public static string RemovePort(string url)
    {
        return TrySplit(url, out Parts parts) ? string.Concat(parts.Scheme, parts.UserInfo, parts.Host, parts.Rest) : url;
    }

    // Splits without normalising anything, as the helper does: scheme "://", then an authority
    // that runs to the first '/', '?' or '#'; userinfo ends at its last '@'; the port starts at
    // the first ':' after any ']' of an IPv6 literal.
    private static bool TrySplit(string url, out Parts parts)
    {
        parts = default;
        int separator = url.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0 || !WhatwgUrl.IsScheme(url.AsSpan(0, separator)))
        {
            return false;
        }

        int authorityStart = separator + 3;
        int authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        authorityEnd = authorityEnd < 0 ? url.Length : authorityEnd;
        string authority = url[authorityStart..authorityEnd];

        int userInfoEnd = authority.LastIndexOf('@') + 1;
        string hostAndPort = authority[userInfoEnd..];
        int portStart = hostAndPort.IndexOf(':', hostAndPort.LastIndexOf(']') + 1);
        parts = new Parts(
            url[..authorityStart],
            authority[..userInfoEnd],
            portStart < 0 ? hostAndPort : hostAndPort[..portStart],
            portStart < 0 ? string.Empty : hostAndPort[portStart..],
            url[authorityEnd..]);
        return true;
    }

    private readonly record struct Parts(string Scheme, string UserInfo, string Host, string Port, string Rest);
}
