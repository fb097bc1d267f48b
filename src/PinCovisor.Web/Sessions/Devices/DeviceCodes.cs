using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace PinCovisor.Web.Sessions;

/// <summary>
/// One-time codes that add a customer's second device to their session: 128 random bits, stored
/// only as their SHA-256, used once, valid for ten minutes by this host's clock.
/// </summary>
internal sealed class DeviceCodes(IConnectionMultiplexer redis, TimeProvider time)
{
    /// <summary>How long a code can be used after it is minted.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Characters in a code: 16 bytes in unpadded base64url.</summary>
    public const int CodeLength = 22;

    // Redis keeps the key a little past expiry so that expiry is always decided by the clock here.
    private static readonly TimeSpan CleanupSlack = TimeSpan.FromMinutes(1);

    private IDatabase Db => redis.GetDatabase();

    public async Task<(string Code, DateTimeOffset ExpiresAt)> MintAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var code = SessionIds.RandomBase64Url(16);
        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().Add(Lifetime).ToUnixTimeMilliseconds());
        await Db.StringSetAsync(SessionKeys.DeviceCode(Hash(code)),
                $"{sessionId} {expiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}", Lifetime + CleanupSlack)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return (code, expiresAt);
    }

    /// <summary>The session the code was minted for, consuming it; null when wrong, used or expired.</summary>
    public async Task<string?> RedeemAsync(string code, CancellationToken cancellationToken = default)
    {
        // GETDEL: of two devices racing with one code, only one gets the session.
        var value = (string?)await Db.StringGetDeleteAsync(SessionKeys.DeviceCode(Hash(code)))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        var parts = value?.Split(' ');
        return parts is [var sessionId, var exp]
            && long.TryParse(exp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var expMs)
            && time.GetUtcNow().ToUnixTimeMilliseconds() < expMs
                ? sessionId
                : null;
    }

    /// <summary>Whether <paramref name="code"/> has the shape of a code (checked before counting it as a guess).</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: CodeLength } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
