using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace PinCovisor.Web.Agents;

/// <summary>
/// Agents' passwords through ASP.NET Core's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted).
/// Verifying always runs the hasher, also for unknown usernames, so a refusal takes as long
/// whether or not the account exists.
/// </summary>
internal sealed class AgentPasswords
{
    private static readonly AgentCredential Nobody = new();

    private readonly PasswordHasher<AgentCredential> _hasher = new();
    private readonly Lazy<string> _decoy;

    public AgentPasswords() =>
        // A hash of a random password nobody knows: what unknown usernames are checked against.
        _decoy = new Lazy<string>(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));

    public string Hash(string password) => _hasher.HashPassword(Nobody, password);

    /// <summary>
    /// True when <paramref name="password"/> matches <paramref name="passwordHash"/>. A missing or
    /// malformed hash is checked against a decoy instead, and fails.
    /// </summary>
    public bool Verify(string? passwordHash, string password)
    {
        if (!IsHash(passwordHash))
        {
            _ = _hasher.VerifyHashedPassword(Nobody, _decoy.Value, password);
            return false;
        }

        return _hasher.VerifyHashedPassword(Nobody, passwordHash!, password) != PasswordVerificationResult.Failed;
    }

    /// <summary>Whether a configured hash is in a format <see cref="PasswordHasher{TUser}"/> reads (base64, version 2 or 3).</summary>
    public static bool IsHash(string? passwordHash)
    {
        if (string.IsNullOrWhiteSpace(passwordHash))
        {
            return false;
        }

        var buffer = new byte[passwordHash.Length];
        return Convert.TryFromBase64String(passwordHash, buffer, out var written) && written > 1 && buffer[0] is 0x00 or 0x01;
    }

    /// <summary>The hasher's user type; the default hasher never looks at it.</summary>
    private sealed class AgentCredential;
}
