using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PhoneBridge.Agents;

namespace PinCovisor.Web.Agents;

/// <summary>
/// Writes the agents of the <c>Agents</c> section into Redis. A missing account is created. An
/// account that came from configuration and that no admin has edited follows the configuration:
/// it is rewritten when its entry changed (a fingerprint of the entry is stored beside it, and a
/// development password is checked against the stored hash; an agent code is stored only as its
/// keyed hash, which the fingerprint covers). Accounts created or edited through
/// the admin API are never overwritten, and agents removed from configuration keep their account.
/// </summary>
internal sealed class AgentSeeder(
    RedisAgentAccounts accounts,
    AgentPasswords passwords,
    AgentCodes codes,
    IOptionsMonitor<List<AgentOptions>> configured,
    TimeProvider time,
    ILogger<AgentSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var agent in configured.CurrentValue)
        {
            await SeedAsync(agent, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The account a configuration entry describes, without its password.</summary>
    public static AgentAccount ToAccount(AgentOptions agent, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new AgentAccount(
            agent.Username,
            agent.DisplayName,
            [.. agent.PhoneNumbers],
            string.IsNullOrWhiteSpace(agent.ClientIdentity) ? null : agent.ClientIdentity,
            agent.Disabled,
            agent.IsAdmin,
            AgentOrigin.Config,
            createdAt,
            HasCode: AgentCodes.IsAcceptable(agent.Code) || AgentCodes.IsHash(agent.CodeHash));
    }

    private async Task SeedAsync(AgentOptions agent, CancellationToken cancellationToken)
    {
        var codeHash = codes.HashOf(agent);
        var fingerprint = Fingerprint(agent, codeHash);
        var stored = await accounts.ReadAsync(agent.Username, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            if (await accounts.WriteAsync(ToAccount(agent, time.GetUtcNow()), PasswordHash(agent), codeHash, fingerprint, create: true,
                    expected: null, cancellationToken).ConfigureAwait(false))
            {
                AgentLog.Seeded(logger, agent.Username);
            }

            return;
        }

        if (stored.Account.Origin != AgentOrigin.Config || stored.EditedByAdmin)
        {
            AgentLog.SeedKeptAdminChanges(logger, agent.Username);
            return;
        }

        if (stored.Fingerprint == fingerprint
            && (string.IsNullOrEmpty(agent.Password)
                || await passwords.VerifyAsync(stored.PasswordHash, agent.Password, cancellationToken).ConfigureAwait(false)))
        {
            return;
        }

        var updated = ToAccount(agent, stored.Account.CreatedAt);
        if (!await accounts.WriteAsync(updated, PasswordHash(agent), codeHash, fingerprint, create: false, expected: stored, cancellationToken)
                .ConfigureAwait(false))
        {
            // Changed since it was read (another host seeding, or an admin): that change stands.
            return;
        }

        AgentLog.SeedUpdated(logger, agent.Username);
        if (agent.Disabled && !stored.Account.Disabled)
        {
            await accounts.SetDisabledAsync(agent.Username, disabled: true, byAdmin: false, cancellationToken).ConfigureAwait(false);
        }
    }

    private string? PasswordHash(AgentOptions agent) =>
        !string.IsNullOrEmpty(agent.Password) ? passwords.Hash(agent.Password)
        : AgentPasswords.IsHash(agent.PasswordHash) ? agent.PasswordHash
        : null;

    // Everything of the entry but a development password, which is salted-hashed on write and so
    // is compared by verifying instead; a plain digest of it would be a fast hash of the password.
    // The agent code enters by its keyed hash: a plain digest of a few digits is no secret at all.
    private static string Fingerprint(AgentOptions agent, string? codeHash)
    {
        var entry = string.Join('\n',
            agent.DisplayName,
            string.Join(',', agent.PhoneNumbers),
            agent.ClientIdentity ?? "",
            agent.Disabled ? "disabled" : "enabled",
            agent.IsAdmin ? "admin" : "agent",
            agent.PasswordHash ?? "",
            string.IsNullOrEmpty(agent.Password) ? "" : "development-password",
            codeHash ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entry)));
    }
}
