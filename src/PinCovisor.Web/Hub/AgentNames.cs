using PhoneBridge.Agents;

namespace PinCovisor.Web.Hub;

/// <summary>How agents are named to the people in a session.</summary>
internal static class AgentNames
{
    /// <summary>The configured display name; the username when the agent is no longer configured or is disabled.</summary>
    public static string DisplayName(this IAgentDirectory agents, string username) =>
        agents.FindByUsername(username)?.DisplayName ?? username;

    /// <summary>The agent in charge as customers see them; null while nobody is.</summary>
    public static AgentInfo? InCharge(this IAgentDirectory agents, string? username) =>
        username is null ? null : new AgentInfo(username, agents.DisplayName(username));
}
