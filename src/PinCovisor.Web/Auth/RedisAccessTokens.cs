using PhoneBridge.Redis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PinCovisor.Web.Redis;
using PinCovisor.Web.Sessions;
using StackExchange.Redis;

namespace PinCovisor.Web.Auth;

/// <summary>
/// Opaque bearer tokens: 256 random bits, handed out once, stored in Redis only as their SHA-256.
/// Customer tokens are listed under their session so ending the session revokes them all.
/// </summary>
internal sealed class RedisAccessTokens(IConnectionMultiplexer redis, IRevocationNotifier revocations, TimeProvider time)
{
    private const string Prefix = "pbt_";

    // Adds the token to its session's set and stretches the set's life to the longest token's.
    private static readonly EmbeddedScript AddToSession = EmbeddedScript.Load(typeof(RedisAccessTokens), "add_to_session");

    private static readonly RedisValue[] RecordFields = ["exp", "session"];

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Mints a token for the grant; the returned string is the only copy of the secret.</summary>
    public async Task<string> IssueAsync(AccessGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var lifetime = grant.ExpiresAt - time.GetUtcNow();
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("The grant has already expired.", nameof(grant));
        }

        var token = Prefix + SessionIds.RandomBase64Url(32);
        var id = Id(token);
        var fields = new List<HashEntry>
        {
            new("kind", grant.Kind.ToString()),
            new("sub", grant.Subject),
            new("exp", grant.ExpiresAt.ToUnixTimeMilliseconds()),
        };
        if (grant.SessionId is not null)
        {
            fields.Add(new HashEntry("session", grant.SessionId));
        }

        var batch = Db.CreateTransaction();
        _ = batch.HashSetAsync(CovisorKeys.Token(id), [.. fields]);
        _ = batch.KeyExpireAsync(CovisorKeys.Token(id), lifetime);
        await batch.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (grant.SessionId is not null)
        {
            // Membership in the session's set is what makes a customer token valid, so revoking
            // the whole session is one DEL of that set.
            await AddToSession.RunAsync(Db, [SessionTokens(grant.SessionId)],
                [id, (long)lifetime.TotalMilliseconds], cancellationToken).ConfigureAwait(false);
        }

        return token;
    }

    /// <summary>The grant behind a token, or null when unknown, expired or revoked.</summary>
    public async Task<(AccessGrant Grant, string TokenId)?> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 128)
        {
            return null;
        }

        var id = Id(token);
        var entries = await Db.HashGetAllAsync(CovisorKeys.Token(id)).WaitAsync(cancellationToken).ConfigureAwait(false);
        var hash = entries.ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
        if (!hash.TryGetValue("kind", out var kindText) || !Enum.TryParse<AccessKind>(kindText, out var kind)
            || !hash.TryGetValue("sub", out var subject)
            || !hash.TryGetValue("exp", out var expText)
            || !long.TryParse(expText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var exp))
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(exp);
        if (time.GetUtcNow() >= expiresAt)
        {
            return null;
        }

        hash.TryGetValue("session", out var session);
        if (session is not null
            && !await Db.SetContainsAsync(SessionTokens(session), id).WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return (new AccessGrant(kind, subject, session, expiresAt), id);
    }

    /// <summary>
    /// For each token id (the <see cref="CovisorClaims.TokenId"/> claim), whether it still names a
    /// token that is neither expired nor revoked; in the order given, in one round trip or two.
    /// </summary>
    public async Task<IReadOnlyList<bool>> AreLiveAsync(IReadOnlyList<string> tokenIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenIds);
        var db = Db;
        // Sent together, so the client pipelines them: one round trip for the records, one for the
        // customers' memberships, however many tokens are asked about.
        var records = await Task.WhenAll(tokenIds.Select(id => db.HashGetAsync(CovisorKeys.Token(id), RecordFields)))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var live = new bool[tokenIds.Count];
        var memberships = new List<(int Index, Task<bool> Member)>();
        for (var i = 0; i < records.Length; i++)
        {
            var (exp, session) = (records[i][0], records[i][1]);
            if (!exp.TryParse(out long expiresAt) || expiresAt <= now)
            {
                continue;
            }

            if (session.IsNullOrEmpty)
            {
                live[i] = true;
            }
            else
            {
                memberships.Add((i, db.SetContainsAsync(SessionTokens(session.ToString()), tokenIds[i])));
            }
        }

        await Task.WhenAll(memberships.Select(m => m.Member)).WaitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (index, member) in memberships)
        {
            live[index] = await member.ConfigureAwait(false);
        }

        return live;
    }

    /// <summary>
    /// Revokes one token by its id (the <see cref="CovisorClaims.TokenId"/> claim) and tells
    /// <see cref="IRevocationNotifier"/>, so hub connections opened with it are cut on every host.
    /// </summary>
    public async Task RevokeAsync(string tokenId, CancellationToken cancellationToken = default)
    {
        await Db.KeyDeleteAsync(CovisorKeys.Token(tokenId)).WaitAsync(cancellationToken).ConfigureAwait(false);
        // Gone from Redis first: a connection cut for it cannot come back with it.
        await revocations.TokenRevokedAsync(tokenId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Revokes every customer token of a session. It tells nobody: the session's close, which
    /// follows it, cuts the session's connections after they have heard why
    /// (<see cref="Sessions.ISessionNotifier.SessionClosedAsync"/>).
    /// </summary>
    public async Task RevokeSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var set = SessionTokens(sessionId);
        var ids = await Db.SetMembersAsync(set).WaitAsync(cancellationToken).ConfigureAwait(false);
        // Deleting the set invalidates every token at once; the records are then only litter.
        await Db.KeyDeleteAsync(set).WaitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in ids)
        {
            await Db.KeyDeleteAsync(CovisorKeys.Token(id.ToString())).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static RedisKey SessionTokens(string sessionId) => CovisorKeys.SessionScoped(sessionId, "tokens");

    private static string Id(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
