using PhoneBridge.Redis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PinCovisor.Web.Redis;
using StackExchange.Redis;

namespace PinCovisor.Web.Sessions;

/// <summary>
/// Single-use links that let a messaging customer into their own session: a token
/// <c>&lt;session id&gt;.&lt;22 characters&gt;</c> whose secret part is 128 random bits. The session
/// keeps one invite, as the secret's SHA-256 and its expiry, in its own slot
/// (<c>pb:{session:&lt;id&gt;}:invite</c>): a new invite replaces the one before, so only the latest
/// link works, and redeeming is one script that checks and deletes it.
/// </summary>
internal sealed class SessionInvites(IConnectionMultiplexer redis, TimeProvider time)
{
    /// <summary>Characters of the secret part: 16 bytes in unpadded base64url.</summary>
    public const int SecretLength = 22;

    // The key outlives its expiry a little so that expiry is always decided by the clock here.
    private static readonly TimeSpan CleanupSlack = TimeSpan.FromMinutes(1);

    /// <summary>
    /// KEYS: the session's invite. ARGV: the secret's hash, now (Unix ms). Deletes the invite and
    /// answers 1 only when the hash matches and it has not expired; else 0 and nothing changes.
    /// </summary>
    private static readonly EmbeddedScript Redeem = EmbeddedScript.Load(typeof(SessionInvites), "redeem_invite");

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Mints the session's invite for <paramref name="lifetime"/>, replacing any earlier one.</summary>
    public async Task<string> IssueAsync(string sessionId, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var secret = SessionIds.RandomBase64Url(16);
        var expiresAt = time.GetUtcNow().Add(lifetime).ToUnixTimeMilliseconds();
        await Db.StringSetAsync(Key(sessionId), $"{Hash(secret)} {expiresAt.ToString(CultureInfo.InvariantCulture)}", lifetime + CleanupSlack)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return $"{sessionId}.{secret}";
    }

    /// <summary>The session the token opens, consuming it; null when it is wrong, used, replaced or expired.</summary>
    public async Task<string?> RedeemAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!TryParse(token, out var sessionId, out var secret))
        {
            return null;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var taken = (long)await Redeem.RunAsync(Db, [Key(sessionId)], [Hash(secret), now], cancellationToken).ConfigureAwait(false);
        return taken == 1 ? sessionId : null;
    }

    /// <summary>Whether <paramref name="token"/> has the shape of one of ours; anything else is refused without asking Redis.</summary>
    public static bool IsWellFormed(string? token) => TryParse(token, out _, out _);

    private static bool TryParse(string? token, out string sessionId, out string secret)
    {
        sessionId = secret = "";
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot < 0)
        {
            return false;
        }

        sessionId = token![..dot];
        secret = token[(dot + 1)..];
        return SessionIds.IsWellFormed(sessionId, SessionIds.SessionPrefix)
            && secret.Length == SecretLength
            && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    private static RedisKey Key(string sessionId) => CovisorKeys.SessionScoped(sessionId, "invite");

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));
}
