using System.Globalization;
using PhoneBridge.Agents;
using PinCovisor.Web.Auth;
using StackExchange.Redis;

namespace PinCovisor.Web.Agents;

/// <summary>
/// Agents' accounts, shared by every host: seeded from configuration at start-up and managed through
/// the admin API; the IVR reads them through an in-memory <see cref="PhoneBridge.Agents.IAgentDirectory"/>
/// snapshot. In Redis: one hash per account and a set of usernames, all under
/// the <c>{agents}</c> tag; every change that checks before it writes is one script.
/// </summary>
internal sealed class RedisAgentAccounts(
    IConnectionMultiplexer redis, RedisAccessTokens tokens, AgentCodes codes, IRevocationNotifier revocations, TimeProvider time)
{
    private const char PhoneSeparator = '\n';

    private IDatabase Db => redis.GetDatabase();

    /// <summary>The account, enabled or not; null when there is none (or the username could not be one).</summary>
    public async Task<AgentAccount?> GetAsync(string username, CancellationToken cancellationToken = default) =>
        (await ReadAsync(username, cancellationToken).ConfigureAwait(false))?.Account;

    /// <summary>Every account, enabled or not, in no particular order.</summary>
    public async Task<IReadOnlyList<AgentAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        (await ListStoredAsync(cancellationToken).ConfigureAwait(false)).Select(s => s.Account).ToList();

    /// <summary>Every account with what the IVR needs beside it (the agent code's hash), in no particular order.</summary>
    public async Task<IReadOnlyList<StoredAccount>> ListStoredAsync(CancellationToken cancellationToken = default)
    {
        var usernames = await Db.SetMembersAsync(AgentKeys.All).WaitAsync(cancellationToken).ConfigureAwait(false);
        var valid = usernames.Select(u => u.ToString()).Where(AgentNames.IsValidUsername).ToList();
        var hashes = await Task.WhenAll(valid.Select(u => Db.HashGetAllAsync(AgentKeys.Account(u))))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return valid.Zip(hashes, Parse).OfType<StoredAccount>().ToList();
    }

    /// <summary>
    /// Sets the agent code (6 to 10 digits, checked by <see cref="PhoneBridge.Agents.AgentCodes.IsAcceptable"/>),
    /// or removes it when <paramref name="code"/> is null, as an admin: configuration no longer overrides
    /// the account afterwards. Only the code's keyed hash is stored.
    /// </summary>
    /// <returns>The account as it now stands; null when unknown.</returns>
    public async Task<AgentAccount?> SetCodeAsync(string username, string? code, CancellationToken cancellationToken = default)
    {
        if (code is not null && !AgentCodes.IsAcceptable(code))
        {
            throw new ArgumentException("An agent code is 6 to 10 digits, neither one digit repeated nor a run.", nameof(code));
        }

        if (!AgentNames.IsValidUsername(username))
        {
            return null;
        }

        var set = await AgentScripts.SetCode.RunAsync(Db, [AgentKeys.Account(username)], [code is null ? "" : codes.Hash(username, code)], cancellationToken).ConfigureAwait(false);
        return (long)set == 1 ? await GetAsync(username, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>Creates the account with a password hash from <c>PasswordHasher</c>; false when the username is taken.</summary>
    public Task<bool> CreateAsync(AgentAccount account, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return WriteAsync(account, passwordHash, codeHash: null, fingerprint: "", create: true, expected: null, cancellationToken);
    }

    /// <summary>
    /// Disables or re-enables an account, as an admin: configuration no longer overrides it afterwards.
    /// Disabling revokes every bearer token the agent holds, atomically with the change, so a
    /// login racing it either sees the account disabled or has its token revoked; then every hub
    /// connection of the agent is cut on every host.
    /// </summary>
    /// <returns>The account as it now stands; null when unknown.</returns>
    public async Task<AgentAccount?> SetDisabledAsync(string username, bool disabled, CancellationToken cancellationToken = default)
    {
        if (!AgentNames.IsValidUsername(username)
            || !await SetDisabledAsync(username, disabled, byAdmin: true, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return await GetAsync(username, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The account with what login and seeding need beside it; null when there is none.</summary>
    public async Task<StoredAccount?> ReadAsync(string username, CancellationToken cancellationToken = default)
    {
        if (!AgentNames.IsValidUsername(username))
        {
            return null;
        }

        var hash = await Db.HashGetAllAsync(AgentKeys.Account(username)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return Parse(username, hash);
    }

    /// <summary>
    /// Writes an account with its password and agent code hashes: <paramref name="create"/> only when missing, else only while it still is
    /// <paramref name="expected"/> (see <see cref="AgentScripts.Write"/>). True when written.
    /// </summary>
    public async Task<bool> WriteAsync(
        AgentAccount account, string? passwordHash, string? codeHash, string fingerprint, bool create, StoredAccount? expected,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var args = new List<RedisValue>
        {
            account.Username, create ? "create" : "update", expected?.Fingerprint ?? "", expected?.PasswordHash ?? "",
            "name", account.DisplayName,
            "phones", string.Join(PhoneSeparator, account.PhoneNumbers),
            "client", account.ClientIdentity ?? "",
            "disabled", account.Disabled ? "1" : "0",
            "admin", account.IsAdmin ? "1" : "0",
            "origin", account.Origin == AgentOrigin.Config ? "config" : "admin",
            "hash", passwordHash ?? "",
            "code", codeHash ?? "",
            "fp", fingerprint,
        };
        if (create)
        {
            args.AddRange(["created", account.CreatedAt.ToUnixTimeMilliseconds()]);
        }

        var written = await AgentScripts.Write.RunAsync(Db, [AgentKeys.Account(account.Username), AgentKeys.All], [.. args], cancellationToken).ConfigureAwait(false);
        return (long)written == 1;
    }

    /// <summary>Disables or enables the account and revokes its tokens when disabling; false when unknown.</summary>
    public async Task<bool> SetDisabledAsync(string username, bool disabled, bool byAdmin, CancellationToken cancellationToken = default)
    {
        var result = await AgentScripts.SetDisabled.RunAsync(
            Db, [AgentKeys.Account(username), AgentKeys.Tokens(username)], [disabled ? "1" : "0", byAdmin ? "1" : "0"], cancellationToken).ConfigureAwait(false);
        if (result.IsNull)
        {
            return false;
        }

        // The list is already gone from Redis; revoke even if the caller stops waiting.
        foreach (var tokenId in (RedisResult[])result!)
        {
            await tokens.RevokeAsync((string)tokenId!, CancellationToken.None).ConfigureAwait(false);
        }

        if (disabled)
        {
            // By name as well: connections whose token is not listed under the agent die with it too.
            await revocations.AgentDisabledAsync(username, CancellationToken.None).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Lists a bearer token under its agent so disabling can revoke it; false when the agent is missing or disabled.</summary>
    public async Task<bool> AddTokenAsync(string username, string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var added = await AgentScripts.AddToken.RunAsync(
            Db,
            [AgentKeys.Account(username), AgentKeys.Tokens(username)],
            [tokenId, expiresAt.ToUnixTimeMilliseconds(), time.GetUtcNow().ToUnixTimeMilliseconds()], cancellationToken).ConfigureAwait(false);
        return (long)added == 1;
    }

    public Task RemoveTokenAsync(string username, string tokenId, CancellationToken cancellationToken = default) =>
        Db.SortedSetRemoveAsync(AgentKeys.Tokens(username), tokenId).WaitAsync(cancellationToken);

    private static StoredAccount? Parse(string username, HashEntry[] entries)
    {
        var hash = entries.ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);
        if (!hash.TryGetValue("name", out var name))
        {
            return null;
        }

        var account = new AgentAccount(
            username,
            name,
            hash.GetValueOrDefault("phones", "").Split(PhoneSeparator, StringSplitOptions.RemoveEmptyEntries),
            NullIfEmpty(hash.GetValueOrDefault("client")),
            hash.GetValueOrDefault("disabled") != "0",
            hash.GetValueOrDefault("admin") == "1",
            hash.GetValueOrDefault("origin") == "config" ? AgentOrigin.Config : AgentOrigin.Admin,
            DateTimeOffset.FromUnixTimeMilliseconds(
                long.TryParse(hash.GetValueOrDefault("created"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? ms : 0),
            AgentCodes.IsHash(hash.GetValueOrDefault("code")));
        return new StoredAccount(
            account, NullIfEmpty(hash.GetValueOrDefault("hash")), hash.GetValueOrDefault("fp", ""), hash.GetValueOrDefault("edited") == "1",
            account.HasCode ? hash["code"] : null);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>An account with its password hash, configuration fingerprint, whether an admin edited it, and its agent code's hash.</summary>
internal sealed record StoredAccount(AgentAccount Account, string? PasswordHash, string Fingerprint, bool EditedByAdmin, string? CodeHash = null)
{
    /// <summary>Keeps the password and code hashes out of logs and messages that print the record.</summary>
    public override string ToString() => $"StoredAccount {{ Username = {Account.Username}, EditedByAdmin = {EditedByAdmin} }}";
}
