namespace PinCovisor.Web.Agents;

/// <summary>
/// Agents' accounts in Redis, shared by every host: seeded from configuration at start-up and
/// managed through the admin API. The IVR reads them through an in-memory <see cref="PhoneBridge.Agents.IAgentDirectory"/> snapshot.
/// </summary>
public interface IAgentAccounts
{
    /// <summary>The account, enabled or not; null when there is none (or the username could not be one).</summary>
    Task<AgentAccount?> GetAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>Every account, enabled or not, in no particular order.</summary>
    Task<IReadOnlyList<AgentAccount>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the account with a password hash from <c>PasswordHasher</c>; false when the username is taken.</summary>
    Task<bool> CreateAsync(AgentAccount account, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Disables or re-enables an account, as an admin: configuration no longer overrides it afterwards.
    /// Disabling revokes every bearer token the agent holds, atomically with the change, so a
    /// login racing it either sees the account disabled or has its token revoked; then every hub
    /// connection of the agent is cut on every host.
    /// </summary>
    /// <returns>The account as it now stands; null when unknown.</returns>
    Task<AgentAccount?> SetDisabledAsync(string username, bool disabled, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the agent code (6 to 10 digits, checked by <see cref="PhoneBridge.Agents.AgentCodes.IsAcceptable"/>),
    /// or removes it when <paramref name="code"/> is null, as an admin: configuration no longer overrides
    /// the account afterwards. Only the code's keyed hash is stored.
    /// </summary>
    /// <returns>The account as it now stands; null when unknown.</returns>
    Task<AgentAccount?> SetCodeAsync(string username, string? code, CancellationToken cancellationToken = default);
}
