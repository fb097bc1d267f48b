using PhoneBridge.Agents;

namespace PinCovisor.Web.Hub;

/// <summary>How agents are named to the people in a session.</summary>
internal static class AgentDisplayNames
{
    /// <summary>What customers see when an agent has no display name here: never the username.</summary>
    public const string Fallback = "Agent";

    /// <summary>
    /// The configured display name; <see cref="Fallback"/> when the agent is unknown to this host,
    /// disabled, or has none. Never the username: what this returns is logged and shown to customers.
    /// </summary>
    public static string DisplayName(this IAgentDirectory agents, string? username) =>
        agents.FindByUsername(username)?.DisplayName is { } name && !string.IsNullOrWhiteSpace(name) ? name.Trim() : Fallback;

    /// <summary>The agent in charge as agents see them (username and name); null while nobody is.</summary>
    public static AgentInfo? InCharge(this IAgentDirectory agents, string? username) =>
        username is null ? null : new AgentInfo(username, agents.DisplayName(username));
}
