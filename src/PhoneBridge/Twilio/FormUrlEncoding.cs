using System.Net;

namespace PhoneBridge.Twilio;

/// <summary>
/// Splits an <c>application/x-www-form-urlencoded</c> body into name/value pairs, keeping every
/// pair in order and names as sent (case included): empty pieces are skipped, the first '='
/// splits name from value, '+' is a space and <c>%XX</c> is decoded leniently (invalid UTF-8
/// becomes U+FFFD, a '%' without two hex digits stays as it is).
/// </summary>
internal static class FormUrlEncoding
{
    /// <summary>Parses <paramref name="text"/> into its pairs, in order.</summary>
    public static List<KeyValuePair<string, string>> Parse(string text)
    {
        List<KeyValuePair<string, string>> pairs = [];
        foreach (string piece in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = piece.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? piece : piece[..equals];
            string value = equals < 0 ? string.Empty : piece[(equals + 1)..];
            pairs.Add(new(WebUtility.UrlDecode(name), WebUtility.UrlDecode(value)));
        }

        return pairs;
    }
}
