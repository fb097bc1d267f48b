using System.Text;

namespace PhoneBridge.Twilio.Urls;

/// <summary>
/// Node's <c>querystring.stringify(querystring.parse(query))</c>: the helper's last-resort rewrite
/// of a query string, for back ends that signed an escaped form of a value (<c>%27</c> for <c>'</c>).
/// </summary>
internal static class LegacyQueryString
{
    // querystring.parse stops after this many pairs by default.
    private const int MaxPairs = 1000;

    /// <summary>Rewrites the query of <paramref name="url"/> (everything after its first '?').</summary>
    public static string Rewrite(string url)
    {
        int question = url.IndexOf('?', StringComparison.Ordinal);
        if (question < 0 || question == url.Length - 1)
        {
            return url;
        }

        return string.Concat(url.AsSpan(0, question + 1), Reencode(url.AsSpan(question + 1)));
    }

    /// <summary>Parses then re-serialises one query string.</summary>
    public static string Reencode(ReadOnlySpan<char> query)
    {
        // parse() gathers repeated names into one array at the first name's position.
        List<string> names = [];
        Dictionary<string, List<string>> values = new(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> pair in FormUrlEncoding.Parse(query, MaxPairs))
        {
            if (!values.TryGetValue(pair.Key, out List<string>? list))
            {
                names.Add(pair.Key);
                values[pair.Key] = list = [];
            }

            list.Add(pair.Value);
        }

        StringBuilder builder = new(query.Length);
        foreach (string name in EnumerationOrder(names))
        {
            foreach (string value in values[name])
            {
                if (builder.Length > 0)
                {
                    builder.Append('&');
                }

                PercentEncodeSet.LegacyQueryString.AppendEncoded(builder, name);
                builder.Append('=');
                PercentEncodeSet.LegacyQueryString.AppendEncoded(builder, value);
            }
        }

        return builder.ToString();
    }

    // A JavaScript object lists integer-like keys first, in numeric order, then the rest in
    // insertion order; stringify() walks Object.keys(), so "?b=1&2=x" comes back as "2=x&b=1".
    private static IEnumerable<string> EnumerationOrder(List<string> names)
    {
        IEnumerable<string> indices = names.Where(IsArrayIndex).OrderBy(static n => uint.Parse(n, System.Globalization.CultureInfo.InvariantCulture));
        return indices.Concat(names.Where(static n => !IsArrayIndex(n)));
    }

    private static bool IsArrayIndex(string name)
    {
        return name.Length is > 0 and <= 10
            && name.All(char.IsAsciiDigit)
            && (name.Length == 1 || name[0] != '0')
            && ulong.Parse(name, System.Globalization.CultureInfo.InvariantCulture) <= uint.MaxValue - 1;
    }
}
