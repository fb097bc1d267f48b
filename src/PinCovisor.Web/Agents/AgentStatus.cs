namespace PinCovisor.Web.Agents;

/// <summary>Whether an agent can take a caller.</summary>
public enum AgentStatus
{
    Available,
    Busy,
    Away,
}

/// <summary>An enabled agent's presence.</summary>
/// <param name="Username">The agent.</param>
/// <param name="DisplayName">The name callers see.</param>
/// <param name="Status">Last status the agent set; <see cref="AgentStatus.Away"/> when never set.</param>
/// <param name="LastSeen">Last time the agent set a status or was seen active; null when never.</param>
public sealed record AgentPresenceEntry(string Username, string DisplayName, AgentStatus Status, DateTimeOffset? LastSeen);

/// <summary>How statuses are spelled in JSON and in Redis.</summary>
internal static class AgentStatuses
{
    public static string ToWire(AgentStatus status) => status switch
    {
        AgentStatus.Available => "available",
        AgentStatus.Busy => "busy",
        AgentStatus.Away => "away",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a status."),
    };

    public static bool TryParse(string? value, out AgentStatus status)
    {
        (var known, status) = value switch
        {
            "available" => (true, AgentStatus.Available),
            "busy" => (true, AgentStatus.Busy),
            "away" => (true, AgentStatus.Away),
            _ => (false, AgentStatus.Away),
        };
        return known;
    }
}
