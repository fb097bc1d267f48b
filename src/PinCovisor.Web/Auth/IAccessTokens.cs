namespace PinCovisor.Web.Auth;

/// <summary>
/// Opaque bearer tokens: 256 random bits, handed out once, stored in Redis only as their SHA-256.
/// Customer tokens are listed under their session so ending the session revokes them all.
/// </summary>
public interface IAccessTokens
{
    /// <summary>Mints a token for the grant; the returned string is the only copy of the secret.</summary>
    Task<string> IssueAsync(AccessGrant grant, CancellationToken cancellationToken = default);

    /// <summary>The grant behind a token, or null when unknown, expired or revoked.</summary>
    Task<(AccessGrant Grant, string TokenId)?> ValidateAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>
    /// For each token id (the <see cref="CovisorClaims.TokenId"/> claim), whether it still names a
    /// token that is neither expired nor revoked; in the order given, in one round trip or two.
    /// </summary>
    Task<IReadOnlyList<bool>> AreLiveAsync(IReadOnlyList<string> tokenIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes one token by its id (the <see cref="CovisorClaims.TokenId"/> claim) and tells
    /// <see cref="IRevocationNotifier"/>, so hub connections opened with it are cut on every host.
    /// </summary>
    Task RevokeAsync(string tokenId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes every customer token of a session. It tells nobody: the session's close, which
    /// follows it, cuts the session's connections after they have heard why
    /// (<see cref="Sessions.ISessionNotifier.SessionClosedAsync"/>).
    /// </summary>
    Task RevokeSessionAsync(string sessionId, CancellationToken cancellationToken = default);
}
