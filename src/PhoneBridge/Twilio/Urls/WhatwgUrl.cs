using System.Globalization;
using System.Text;

namespace PhoneBridge.Twilio.Urls;

/// <summary>
/// An absolute URL with a special scheme (http, https, ws, wss, ftp) parsed and serialised as the
/// WHATWG URL Standard says, i.e. what <c>new URL(url).toString()</c> gives in Node. The Twilio
/// helper falls back to that form when the URL as received does not match the signature.
/// </summary>
/// <param name="Href">The serialised URL.</param>
/// <param name="Query">The query without its '?', or null when there is none.</param>
internal sealed record WhatwgUrl(string Href, string? Query)
{
    private static readonly Dictionary<string, int> DefaultPorts = new(StringComparer.Ordinal)
    {
        ["http"] = 80, ["https"] = 443, ["ws"] = 80, ["wss"] = 443, ["ftp"] = 21,
    };

    /// <summary>Parses <paramref name="input"/>; null where Node would throw, or for schemes we do not handle (file:, mailto:…).</summary>
    public static WhatwgUrl? TryParse(string input)
    {
        // Leading and trailing C0 controls and spaces are trimmed; tabs and newlines vanish anywhere.
        string s = input.Trim(Enumerable.Range(0, 0x21).Select(static c => (char)c).ToArray())
            .Replace("\t", string.Empty, StringComparison.Ordinal)
            .Replace("\n", string.Empty, StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal);

        int colon = s.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !IsScheme(s.AsSpan(0, colon)))
        {
            return null;
        }

        string scheme = s[..colon].ToLowerInvariant();
        if (!DefaultPorts.TryGetValue(scheme, out int defaultPort))
        {
            return null;
        }

        // Special schemes ignore any run of slashes or backslashes before the authority.
        int start = colon + 1;
        while (start < s.Length && s[start] is '/' or '\\')
        {
            start++;
        }

        int end = s.IndexOfAny(['/', '\\', '?', '#'], start);
        end = end < 0 ? s.Length : end;
        string? authority = SerializeAuthority(s[start..end], defaultPort);
        if (authority is null)
        {
            return null;
        }

        StringBuilder href = new StringBuilder(s.Length + 16).Append(scheme).Append("://").Append(authority);
        string? query = AppendPathQueryAndFragment(href, s.AsSpan(end));
        return new WhatwgUrl(href.ToString(), query);
    }

    private static string? SerializeAuthority(string authority, int defaultPort)
    {
        int at = authority.LastIndexOf('@');
        string credentials = at < 0 ? string.Empty : authority[..at];
        string hostAndPort = authority[(at + 1)..];

        // A ':' inside [...] belongs to an IPv6 literal, not to the port.
        int portStart = -1;
        bool inBrackets = false;
        for (int i = 0; i < hostAndPort.Length && portStart < 0; i++)
        {
            inBrackets = hostAndPort[i] switch { '[' => true, ']' => false, _ => inBrackets };
            portStart = hostAndPort[i] == ':' && !inBrackets ? i : -1;
        }

        string? host = WhatwgHost.Serialize(portStart < 0 ? hostAndPort : hostAndPort[..portStart]);
        string port = portStart < 0 ? string.Empty : hostAndPort[(portStart + 1)..];
        if (host is null || !port.All(char.IsAsciiDigit))
        {
            return null;
        }

        StringBuilder builder = new();
        AppendUserInfo(builder, credentials);
        builder.Append(host);
        if (port.Length > 0)
        {
            // Leading zeros are fine; the default port for the scheme disappears.
            string digits = port.TrimStart('0');
            if (digits.Length > 5 || (digits.Length > 0 && int.Parse(digits, CultureInfo.InvariantCulture) > 65535))
            {
                return null;
            }

            int number = digits.Length == 0 ? 0 : int.Parse(digits, CultureInfo.InvariantCulture);
            if (number != defaultPort)
            {
                builder.Append(':').Append(number.ToString(CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static void AppendUserInfo(StringBuilder builder, string credentials)
    {
        int colon = credentials.IndexOf(':', StringComparison.Ordinal);
        string user = PercentEncodeSet.UserInfo.Encode(colon < 0 ? credentials : credentials[..colon]);
        string password = colon < 0 ? string.Empty : PercentEncodeSet.UserInfo.Encode(credentials.AsSpan(colon + 1));
        if (user.Length == 0 && password.Length == 0)
        {
            return;
        }

        builder.Append(user);
        if (password.Length > 0)
        {
            builder.Append(':').Append(password);
        }

        builder.Append('@');
    }

    private static string? AppendPathQueryAndFragment(StringBuilder href, ReadOnlySpan<char> rest)
    {
        int hash = rest.IndexOf('#');
        ReadOnlySpan<char> beforeFragment = hash < 0 ? rest : rest[..hash];
        int question = beforeFragment.IndexOf('?');
        ReadOnlySpan<char> path = question < 0 ? beforeFragment : beforeFragment[..question];

        foreach (string segment in WhatwgPath.Segments(path))
        {
            href.Append('/').Append(segment);
        }

        string? query = null;
        if (question >= 0)
        {
            query = PercentEncodeSet.SpecialQuery.Encode(beforeFragment[(question + 1)..]);
            href.Append('?').Append(query);
        }

        if (hash >= 0)
        {
            href.Append('#');
            PercentEncodeSet.Fragment.AppendEncoded(href, rest[(hash + 1)..]);
        }

        return query;
    }

    /// <summary>True for an ASCII letter followed by letters, digits, '+', '-' or '.'.</summary>
    public static bool IsScheme(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty || !char.IsAsciiLetter(chars[0]))
        {
            return false;
        }

        foreach (char c in chars)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
