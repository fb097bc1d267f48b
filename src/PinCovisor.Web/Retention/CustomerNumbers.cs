using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PhoneBridge.Pins;

namespace PinCovisor.Web.Retention;

/// <summary>
/// Customer numbers as erasure and the index see them: E.164 (<c>+34600111222</c>), a WhatsApp
/// address (<c>whatsapp:+34600111222</c>) being the same customer, and named in keys only by an
/// HMAC-SHA256 under a subkey of <c>Pins:SecretKey</c>, so a key name cannot be turned back into a
/// number without the hosts' secret (an unkeyed hash of the few billion numbers can be).
/// </summary>
internal sealed partial class CustomerNumbers(IOptions<PinOptions> pins)
{
    private const string WhatsAppPrefix = "whatsapp:";

    private readonly Lazy<byte[]> _key = new(() => HKDF.DeriveKey(HashAlgorithmName.SHA256,
        Convert.FromBase64String(pins.Value.SecretKey?.Trim() ?? ""), 32, salt: [], info: "customer-index"u8.ToArray()));

    /// <summary>The bare E.164 number of <paramref name="number"/> (with or without <c>whatsapp:</c>), or null when it is not one.</summary>
    public static string? Normalize(string? number)
    {
        var trimmed = number?.Trim() ?? "";
        if (trimmed.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[WhatsAppPrefix.Length..];
        }

        return E164().IsMatch(trimmed) ? trimmed : null;
    }

    /// <summary>The addresses conversations may know the number by: SMS's bare number and WhatsApp's.</summary>
    public static IReadOnlyList<string> Addresses(string e164) => [e164, WhatsAppPrefix + e164];

    /// <summary>The key component of an E.164 number: lower-case hex HMAC-SHA256.</summary>
    public string Hash(string e164) => Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, Encoding.ASCII.GetBytes(e164)));

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
