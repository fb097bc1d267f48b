using System.Security.Cryptography;
using System.Text;

using PhoneBridge.Twilio.Urls;

namespace PhoneBridge.Twilio;

/// <summary>
/// Computes and checks the <c>X-Twilio-Signature</c> header exactly as Twilio's official Node helper
/// does (<c>getExpectedTwilioSignature</c>, <c>validateRequest</c>, <c>validateRequestWithBody</c>).
/// </summary>
/// <remarks>
/// The signature is Base64(HMAC-SHA1(auth token, url + parameters)), where the parameters are
/// sorted by name in ordinal (UTF-16) order and each is appended as name + value. A name sent
/// several times contributes each distinct value once, values sorted the same way.
/// </remarks>
public static class TwilioSignature
{
    /// <summary>The signature Twilio sends for a request to <paramref name="url"/> with these form parameters.</summary>
    /// <param name="authToken">The account's auth token (the HMAC key).</param>
    /// <param name="url">The full URL Twilio requested, query string and any userinfo included.</param>
    /// <param name="parameters">The POSTed form fields, repeated names allowed; null or empty for none.</param>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>>? parameters)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        return Convert.ToBase64String(Hmac(authToken, url + Canonicalize(parameters)));
    }

    /// <summary>
    /// True when <paramref name="signature"/> is what Twilio would send for this request. Like the
    /// Node helper it also accepts the URL with the port removed or the scheme's default port added,
    /// then Node's normalised form of the URL (see docs/twilio-protocol.md).
    /// </summary>
    /// <param name="authToken">The account's auth token.</param>
    /// <param name="signature">The <c>X-Twilio-Signature</c> header; null or empty is never valid.</param>
    /// <param name="url">The full URL the request was made to.</param>
    /// <param name="parameters">The POSTed form fields; null or empty for none.</param>
    public static bool Validate(string authToken, string? signature, string url, IEnumerable<KeyValuePair<string, string>>? parameters)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        byte[] received = Encoding.UTF8.GetBytes(signature);
        string canonicalParameters = Canonicalize(parameters);
        foreach (string candidate in SignedUrlCandidates.For(url))
        {
            byte[] expected = Encoding.UTF8.GetBytes(Convert.ToBase64String(Hmac(authToken, candidate + canonicalParameters)));
            if (CryptographicOperations.FixedTimeEquals(received, expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Checks a request whose body is not a form (Twilio sends JSON this way): the signature covers
    /// the URL alone, and the URL's <c>bodySHA256</c> query parameter must be the lower-case hex
    /// SHA-256 of <paramref name="body"/>.
    /// </summary>
    /// <param name="authToken">The account's auth token.</param>
    /// <param name="signature">The <c>X-Twilio-Signature</c> header.</param>
    /// <param name="url">The full URL, including <c>?bodySHA256=…</c>.</param>
    /// <param name="body">The raw request body bytes.</param>
    public static bool ValidateBody(string authToken, string? signature, string url, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(url);

        // The helper parses the URL first and fails (throws) if it cannot.
        WhatwgUrl? parsed = WhatwgUrl.TryParse(url);
        if (parsed is null || !Validate(authToken, signature, url, null))
        {
            return false;
        }

        string claimed = FormUrlEncoding.FirstValue(parsed.Query, "bodySHA256") ?? string.Empty;
        string actual = Convert.ToHexStringLower(SHA256.HashData(body));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(claimed), Encoding.ASCII.GetBytes(actual));
    }

    private static string Canonicalize(IEnumerable<KeyValuePair<string, string>>? parameters)
    {
        if (parameters is null)
        {
            return string.Empty;
        }

        SortedDictionary<string, SortedSet<string>> byName = new(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> parameter in parameters)
        {
            if (!byName.TryGetValue(parameter.Key, out SortedSet<string>? values))
            {
                byName[parameter.Key] = values = new SortedSet<string>(StringComparer.Ordinal);
            }

            values.Add(parameter.Value ?? string.Empty);
        }

        StringBuilder builder = new();
        foreach ((string name, SortedSet<string> values) in byName)
        {
            foreach (string value in values)
            {
                builder.Append(name).Append(value);
            }
        }

        return builder.ToString();
    }

    // Twilio's protocol fixes HMAC-SHA1; we do not get to choose the algorithm.
#pragma warning disable CA5350
    private static byte[] Hmac(string authToken, string data) =>
        HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data));
#pragma warning restore CA5350
}
