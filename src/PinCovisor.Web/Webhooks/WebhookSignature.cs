using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PinCovisor.Web.Webhooks;

/// <summary>
/// <c>PhoneBridge-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;." + body bytes)&gt;</c>.
/// The time is signed with the body so a receiver can refuse an old message replayed.
/// </summary>
internal static class WebhookSignature
{
    public const string Header = "PhoneBridge-Signature";

    public static string Sign(string secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = new byte[Encoding.UTF8.GetByteCount(t) + 1 + body.Length];
        var length = Encoding.UTF8.GetBytes(t, signed);
        signed[length] = (byte)'.';
        body.CopyTo(signed.AsSpan(length + 1));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
