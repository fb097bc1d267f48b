namespace PhoneBridge.Agents;

/// <summary>How the agent line checks agent codes (section <c>AgentCodes</c>).</summary>
public sealed class AgentCodeOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "AgentCodes";

    /// <summary>Codes one call to the agent line may key before it is hung up. Default 3.</summary>
    public int MaxTriesPerCall { get; set; } = 3;

    /// <summary>
    /// Codes keyed for one agent, over every call, in <see cref="FailureWindow"/> before the agent
    /// line refuses to judge any more for that agent. Default 10. A right code does not count.
    /// </summary>
    public int MaxFailures { get; set; } = 10;

    /// <summary>The window failures are counted in; the first failure starts it. Default 24 hours.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromHours(24);
}
