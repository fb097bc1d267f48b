using System.Globalization;

namespace PhoneBridge.Twilio.Urls;

/// <summary>
/// The host parser of the WHATWG URL Standard for special schemes, which is what Node's
/// <c>new URL()</c> applies: bracketed IPv6, percent-decoding, lower-casing (IDNA for non-ASCII),
/// and IPv4 in any of its legacy spellings (<c>0x7f.1</c> is <c>127.0.0.1</c>).
/// </summary>
internal static class WhatwgHost
{
    private const string ForbiddenDomainChars = "\0\t\n\r #/:<>?@[\\]^|%";

    private static readonly IdnMapping Idn = new() { AllowUnassigned = true, UseStd3AsciiRules = false };

    /// <summary>Returns the serialised host, or null where Node's parser would throw.</summary>
    public static string? Serialize(string input)
    {
        if (input.StartsWith('['))
        {
            return input.EndsWith(']') && WhatwgIPv6.TrySerialize(input[1..^1], out string? ipv6)
                ? "[" + ipv6 + "]"
                : null;
        }

        string? domain = ToAscii(PercentDecoding.Decode(input));
        if (string.IsNullOrEmpty(domain) || domain.Any(static c => c < 0x20 || c == 0x7F || ForbiddenDomainChars.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        if (WhatwgIPv4.EndsInANumber(domain))
        {
            return WhatwgIPv4.TrySerialize(domain, out string? ipv4) ? ipv4 : null;
        }

        return domain;
    }

    // UTS #46 maps ASCII letters to lower case and leaves other ASCII alone (the forbidden
    // characters are checked afterwards). Non-ASCII names go through the platform's IDNA, which
    // agrees with Node for ordinary international domain names.
    private static string? ToAscii(string domain)
    {
        if (System.Text.Ascii.IsValid(domain))
        {
            return domain.ToLowerInvariant();
        }

        try
        {
            return Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
