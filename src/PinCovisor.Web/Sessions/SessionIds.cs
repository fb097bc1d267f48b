using System.Security.Cryptography;

namespace PinCovisor.Web.Sessions;

/// <summary>Random ids for sessions (<c>s_…</c>) and participants (<c>p_…</c>).</summary>
internal static class SessionIds
{
    public const string SessionPrefix = "s_";
    public const string ParticipantPrefix = "p_";

    public static string NewSession() => SessionPrefix + RandomBase64Url(16);

    public static string NewParticipant() => ParticipantPrefix + RandomBase64Url(16);

    /// <summary>Unpadded base64url of <paramref name="bytes"/> random bytes: only [A-Za-z0-9_-].</summary>
    public static string RandomBase64Url(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Whether <paramref name="id"/> could be one of ours; anything else is unknown without asking Redis.</summary>
    public static bool IsWellFormed(string? id, string prefix) =>
        id is { Length: > 2 and <= 64 }
        && id.StartsWith(prefix, StringComparison.Ordinal)
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Refuses ids that would change a key's meaning once embedded in it.</summary>
    public static string Checked(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException("Ids are 1-64 ASCII letters, digits, '-' or '_'.", nameof(id));
        }

        return id;
    }
}
