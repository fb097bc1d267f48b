using System.Security.Cryptography;
using System.Text;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Visitors;

/// <summary>Visitor ids (<c>v_</c> + 128 random bits) and their keys (256 random bits, kept only as SHA-256).</summary>
internal static class VisitorIds
{
    public const string Prefix = "v_";

    /// <summary>Characters in a key: 32 bytes in unpadded base64url.</summary>
    public const int KeyLength = 43;

    public static string NewId() => Prefix + SessionIds.RandomBase64Url(16);

    public static string NewKey() => SessionIds.RandomBase64Url(32);

    public static bool IsWellFormedId(string? id) => SessionIds.IsWellFormed(id, Prefix);

    public static bool IsWellFormedKey(string? key) =>
        key is { Length: KeyLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
