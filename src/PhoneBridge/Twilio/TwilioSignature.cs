using System.Security.Cryptography;
using System.Text;

namespace PhoneBridge.Twilio;

/// <summary>
/// Computes the <c>X-Twilio-Signature</c> header Twilio sends for a webhook. Checking one is the
/// official SDK's <c>Twilio.Security.RequestValidator</c>, behind <c>.ValidateTwilioRequest()</c>.
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

        StringBuilder data = new(url);
        foreach ((string name, string values) in SignedParameters(parameters ?? []).OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(values);
        }

        return Convert.ToBase64String(Hmac(authToken, data.ToString()));
    }

    /// <summary>
    /// The form fields as the SDK's validator takes them: one entry per name (names differing only
    /// in case stay apart), whose value is the name's distinct values, sorted ordinally, joined by
    /// the name itself. The validator appends name + value per entry, so a name sent as "a" and
    /// "b" signs as <c>nameanameb</c>: what Twilio signs for a repeated name.
    /// </summary>
    internal static Dictionary<string, string> SignedParameters(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        Dictionary<string, SortedSet<string>> byName = new(StringComparer.Ordinal);
        foreach ((string name, string? value) in parameters)
        {
            if (!byName.TryGetValue(name, out SortedSet<string>? values))
            {
                byName[name] = values = new SortedSet<string>(StringComparer.Ordinal);
            }

            values.Add(value ?? string.Empty);
        }

        return byName.ToDictionary(static p => p.Key, static p => string.Join(p.Key, p.Value), StringComparer.Ordinal);
    }

    // Twilio's protocol fixes HMAC-SHA1; we do not get to choose the algorithm.
#pragma warning disable CA5350
    private static byte[] Hmac(string authToken, string data) =>
        HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data));
#pragma warning restore CA5350
}
