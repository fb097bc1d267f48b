using Microsoft.Extensions.Options;

namespace PhoneBridge.Agents;

/// <summary>The agents listed in configuration (section <c>Agents</c>), re-read when it changes.</summary>
internal sealed class ConfiguredAgentDirectory(IOptionsMonitor<List<AgentOptions>> agents) : IAgentDirectory
{
    public IReadOnlyList<AgentOptions> Reachable => AgentMatching.Reachable(agents.CurrentValue);

    public AgentOptions? FindByAddress(string? address) => AgentMatching.FindByAddress(agents.CurrentValue, address);

    public AgentOptions? FindByUsername(string? username) => AgentMatching.FindByUsername(agents.CurrentValue, username);
}
