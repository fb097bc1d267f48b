namespace PhoneBridge.Twilio.Urls;

/// <summary>
/// Splits an <c>application/x-www-form-urlencoded</c> string into name/value pairs the way both
/// <c>URLSearchParams</c> and Node's legacy <c>querystring.parse</c> do: empty pieces are skipped,
/// the first '=' splits name from value, '+' is a space and <c>%XX</c> is decoded leniently.
/// </summary>
internal static class FormUrlEncoding
{
    /// <summary>Parses <paramref name="text"/> into at most <paramref name="maxPairs"/> pairs, in order.</summary>
    public static List<KeyValuePair<string, string>> Parse(ReadOnlySpan<char> text, int maxPairs = int.MaxValue)
    {
        List<KeyValuePair<string, string>> pairs = [];
        foreach (Range range in text.Split('&'))
        {
            ReadOnlySpan<char> piece = text[range];
            if (piece.IsEmpty)
            {
                continue;
            }

            if (pairs.Count == maxPairs)
            {
                break;
            }

            int equals = piece.IndexOf('=');
            ReadOnlySpan<char> name = equals < 0 ? piece : piece[..equals];
            ReadOnlySpan<char> value = equals < 0 ? [] : piece[(equals + 1)..];
            pairs.Add(new(PercentDecoding.Decode(name, plusIsSpace: true), PercentDecoding.Decode(value, plusIsSpace: true)));
        }

        return pairs;
    }

    /// <summary>The first value named <paramref name="name"/> (ordinal match), like <c>URLSearchParams.get</c>.</summary>
    public static string? FirstValue(string? query, string name)
    {
        foreach (KeyValuePair<string, string> pair in Parse(query))
        {
            if (string.Equals(pair.Key, name, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }
}
