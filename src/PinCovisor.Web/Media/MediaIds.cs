using System.Security.Cryptography;

namespace PinCovisor.Web.Media;

/// <summary>Media ids: <c>m_</c> + 128 random bits in base64url (22 characters).</summary>
internal static class MediaIds
{
    private const string Prefix = "m_";
    private const int EncodedLength = 22;

    private static readonly System.Buffers.SearchValues<char> Base64UrlChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string New() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>True for the shape <see cref="New"/> produces; anything else is unknown without asking Redis.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: EncodedLength + 2 }
        && id.StartsWith(Prefix, StringComparison.Ordinal)
        && id.AsSpan(Prefix.Length).IndexOfAnyExcept(Base64UrlChars) < 0;
}
