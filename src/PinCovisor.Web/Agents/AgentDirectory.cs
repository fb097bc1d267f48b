using Microsoft.Extensions.Options;
using PhoneBridge.Agents;

namespace PinCovisor.Web.Agents;

/// <summary>
/// The IVR's <see cref="IAgentDirectory"/> served from memory (with each agent code's keyed hash,
/// which the agent line checks), because the IVR asks synchronously
/// and must answer even while Redis is down. It starts from configuration and is replaced by the
/// accounts in Redis once they can be read: at start-up, every
/// <see cref="AgentLoginOptions.DirectoryRefresh"/>, and right after this host changes an account.
/// </summary>
internal sealed class AgentDirectory : IAgentDirectory
{
    private readonly RedisAgentAccounts _accounts;
    private readonly IOptionsMonitor<List<AgentOptions>> _configured;
    private volatile IReadOnlyList<AgentOptions> _agents;

    public AgentDirectory(RedisAgentAccounts accounts, AgentCodes codes, IOptionsMonitor<List<AgentOptions>> configured, TimeProvider time)
    {
        _accounts = accounts;
        _configured = configured;
        var now = time.GetUtcNow();
        _agents = configured.CurrentValue.Select(a => AgentSeeder.ToAccount(a, now).ToOptions(codes.HashOf(a))).ToList();
    }

    /// <summary>Every agent known, disabled ones included (the lookups skip them).</summary>
    public IReadOnlyList<AgentOptions> All => _agents;

    public IReadOnlyList<AgentOptions> Reachable => AgentMatching.Reachable(_agents);

    public AgentOptions? FindByAddress(string? address) => AgentMatching.FindByAddress(_agents, address);

    public AgentOptions? FindByUsername(string? username) => AgentMatching.FindByUsername(_agents, username);

    /// <summary>Re-reads the accounts from Redis.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        var accounts = await _accounts.ListStoredAsync(cancellationToken).ConfigureAwait(false);

        // Configured agents first, in configuration order, so the IVR rings them in the order the
        // operator wrote; agents created by admins follow, oldest first.
        var order = _configured.CurrentValue.Select((a, i) => (a.Username, i)).ToDictionary(x => x.Username, x => x.i, StringComparer.Ordinal);
        _agents = accounts
            .OrderBy(a => order.GetValueOrDefault(a.Account.Username, int.MaxValue))
            .ThenBy(a => a.Account.CreatedAt)
            .ThenBy(a => a.Account.Username, StringComparer.Ordinal)
            .Select(a => a.Account.ToOptions(a.CodeHash))
            .ToList();
    }
}
